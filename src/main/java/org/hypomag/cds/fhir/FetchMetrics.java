package org.hypomag.cds.fhir;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.hypomag.cds.clinical.DataKey;

/**
 * Counts how the prefetch keys of each hook call were settled: {@code cds.prefetch.keys} (key, source:
 * prefetch, fetched, unavailable) and, for the keys queried, {@code cds.fhir.queries} (key, result: ok,
 * timeout, unusable, error). Labels come from closed sets (the {@link DataKey}s, the enums); never a URL, a
 * patient or a token.
 */
public final class FetchMetrics implements FetchObserver {

    private final Counter[][] keys;
    private final Counter[][] queries;

    public FetchMetrics(MeterRegistry registry) {
        DataKey[] all = DataKey.values();
        keys = new Counter[all.length][Source.values().length];
        queries = new Counter[all.length][FetchOutcome.values().length];
        for (DataKey key : all) {
            for (Source source : Source.values()) {
                keys[key.ordinal()][source.ordinal()] = Counter.builder("cds.prefetch.keys")
                        .description("Prefetch keys of hook calls by how they were settled")
                        .tag("key", key.prefetchKey()).tag("source", source.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
            for (FetchOutcome outcome : FetchOutcome.values()) {
                queries[key.ordinal()][outcome.ordinal()] = Counter.builder("cds.fhir.queries")
                        .description("FHIR queries to the EHR's fhirServer by prefetch key and result")
                        .tag("key", key.prefetchKey()).tag("result", outcome.label())
                        .register(registry);
            }
        }
    }

    @Override
    public void observed(DataKey key, Source source, KeyResult result) {
        keys[key.ordinal()][source.ordinal()].increment();
        if (source == Source.FETCHED) {
            queries[key.ordinal()][FetchOutcome.of(result).ordinal()].increment();
        }
    }
}
