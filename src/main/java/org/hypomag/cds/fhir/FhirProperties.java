package org.hypomag.cds.fhir;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the service's own FHIR queries ({@code cds.fhir.*}).
 *
 * @param queryTimeout time for one HTTP exchange (headers and body)
 * @param deadline     time for all queries of one hook call, pages included; what is not done is unknown
 * @param maxPages     pages read per key (first page included)
 * @param maxBodyBytes largest answer read; a larger one is aborted and the key is unknown
 * @param maxEntries   entries kept per key; further pages are not fetched
 * @param threads      threads of the HTTP client (bounded; shared by all calls)
 * @param sequential   one query at a time instead of all at once (only to measure what the parallel fetch
 *                     saves, bench/no-prefetch.sh; the deadline still applies)
 * @param stopLabPaging stop reading a newest-first lab key's pages once they hold what the rules read (issue
 *                     18.6); false reads every page within the bounds (only to measure what stopping saves)
 */
@ConfigurationProperties("cds.fhir")
public record FhirProperties(
        @DefaultValue("800ms") Duration queryTimeout,
        @DefaultValue("1200ms") Duration deadline,
        @DefaultValue("5") int maxPages,
        @DefaultValue("10MB") DataSize maxBodyBytes,
        @DefaultValue("2000") int maxEntries,
        @DefaultValue("8") int threads,
        @DefaultValue("false") boolean sequential,
        @DefaultValue("true") boolean stopLabPaging) {

    @ConstructorBinding
    public FhirProperties {
        require(queryTimeout != null && queryTimeout.toMillis() > 0, "query-timeout must be positive");
        require(deadline != null && deadline.toMillis() > 0, "deadline must be positive");
        require(maxPages >= 1, "max-pages must be at least 1");
        require(maxBodyBytes != null && maxBodyBytes.toBytes() > 0, "max-body-bytes must be positive");
        require(maxEntries >= 1, "max-entries must be at least 1");
        require(threads >= 1, "threads must be at least 1");
    }

    public FhirProperties(Duration queryTimeout, Duration deadline, int maxPages, DataSize maxBodyBytes,
                          int maxEntries, int threads, boolean sequential) {
        this(queryTimeout, deadline, maxPages, maxBodyBytes, maxEntries, threads, sequential, true);
    }

    public static FhirProperties defaults() {
        return new FhirProperties(Duration.ofMillis(800), Duration.ofMillis(1200), 5, DataSize.ofMegabytes(10),
                2000, 8, false, true);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("cds.fhir." + message);
        }
    }
}
