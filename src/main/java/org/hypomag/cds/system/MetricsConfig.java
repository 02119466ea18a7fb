package org.hypomag.cds.system;

import io.micrometer.core.instrument.MeterRegistry;
import org.hypomag.cds.fhir.FetchMetrics;
import org.hypomag.cds.store.StoreMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The meters of the fhir and store packages (the protocol's own are in cdshooks, the JWT filter's in security).
 * Exposed at {@code /actuator/prometheus}; see README "Operations".
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean
    FetchMetrics fetchMetrics(MeterRegistry registry) {
        return new FetchMetrics(registry);
    }

    @Bean
    StoreMetrics storeMetrics(MeterRegistry registry) {
        return new StoreMetrics(registry);
    }
}
