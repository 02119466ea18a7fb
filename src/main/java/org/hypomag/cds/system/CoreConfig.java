package org.hypomag.cds.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import ca.uhn.fhir.context.FhirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Process-wide singletons: one FhirContext, the clock (the knowledge is in KnowledgeConfig). */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

    private static final Logger log = LoggerFactory.getLogger(CoreConfig.class);

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    /**
     * The service's clock. {@code cds.clock.fixed} pins it (replaying the dated sample requests in hooks/
     * exactly); a pinned clock is announced loudly because every "recent"/"stale" judgement depends on it.
     */
    @Bean
    Clock clock(@Value("${cds.clock.fixed:}") String fixed) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemUTC();
        }
        Instant at = Instant.parse(fixed);
        log.warn("The service clock is FIXED at {} (cds.clock.fixed): results are judged as of that time", at);
        return Clock.fixed(at, ZoneOffset.UTC);
    }
}
