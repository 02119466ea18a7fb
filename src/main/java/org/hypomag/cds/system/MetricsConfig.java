package org.hypomag.cds.system;

import io.micrometer.core.instrument.MeterRegistry;
import org.hypomag.cds.fhir.FetchMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The meters of the fhir package (the protocol's own are in cdshooks, the JWT filter's in security, the store's in
 * store's own configuration).
 * Exposed at {@code /actuator/prometheus}; see README "Operations".
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean
    FetchMetrics fetchMetrics(MeterRegistry registry) {
        return new FetchMetrics(registry);
    }
}
