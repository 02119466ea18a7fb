package org.hypomag.cds.cdshooks;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One INFO line per hook call, written only when structured console (or file) logging is on
 * ({@code logging.structured.format.console=ecs|logstash|gelf}), so the default console stays as it was. Its
 * key/value pairs become JSON fields of Boot's structured formats: {@code hookInstance} (the correlation id),
 * {@code cdsService} (ECS has its own {@code service}), {@code status}, {@code durationMs}, {@code cards} (by source.topic.code),
 * {@code fhirFetched} and {@code fhirFailed} (prefetch keys, a failure as {@code key:result}). No patient or user
 * id, no token, no URL. {@code cds.logging.hook-calls=true|false} overrides the choice.
 */
@Component
class HookCallLog {

    private static final Logger log = LoggerFactory.getLogger(HookCallLog.class);

    private final boolean enabled;

    HookCallLog(@Value("${logging.structured.format.console:}") String consoleFormat,
                @Value("${logging.structured.format.file:}") String fileFormat,
                @Value("${cds.logging.hook-calls:}") String override) {
        this.enabled = override.isBlank() ? !consoleFormat.isBlank() || !fileFormat.isBlank()
                : Boolean.parseBoolean(override.strip());
    }

    boolean enabled() {
        return enabled;
    }

    void write(CallRecord record, int status, long nanos) {
        if (!enabled || !log.isInfoEnabled()) {
            return;
        }
        log.atInfo().setMessage("hook call")
                .addKeyValue("hookInstance", record.hookInstance())
                .addKeyValue("cdsService", record.service())
                .addKeyValue("status", status)
                .addKeyValue("durationMs", TimeUnit.NANOSECONDS.toMicros(nanos) / 1000.0)
                .addKeyValue("cards", record.cardsByType())
                .addKeyValue("fhirFetched", record.fhirFetched())
                .addKeyValue("fhirFailed", record.fhirFailed())
                .log();
    }
}
