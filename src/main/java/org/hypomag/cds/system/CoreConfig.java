package org.hypomag.cds.system;

import java.time.Clock;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Process-wide singletons: one FhirContext, the clock (the knowledge is in KnowledgeConfig). */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
