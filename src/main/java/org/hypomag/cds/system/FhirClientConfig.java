package org.hypomag.cds.system;

import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.UnitTable;
import org.hypomag.cds.fhir.FhirProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the fhir package: its limits ({@code cds.fhir.*}) and the unit knowledge the mapper uses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FhirProperties.class)
class FhirClientConfig {

    @Bean
    UnitTable unitTable(Knowledge knowledge) {
        return knowledge.units();
    }
}
