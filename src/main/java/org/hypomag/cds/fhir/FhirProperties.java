package org.hypomag.cds.fhir;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("cds.fhir")
public record FhirProperties(
        @DurationMin(millis = 0, inclusive = false) Duration queryTimeout,
        @DurationMin(millis = 0, inclusive = false) Duration deadline,
        @Min(1) Integer maxPages,
        DataSize maxBodyBytes,
        @Min(1) Integer maxEntries,
        @Min(1) Integer threads,
        boolean sequential,
        Boolean stopLabPaging) {

    /** Each default is given here, once (null: not configured); the constraints above check the result. */
    @ConstructorBinding
    public FhirProperties {
        queryTimeout = queryTimeout == null ? Duration.ofMillis(800) : queryTimeout;
        deadline = deadline == null ? Duration.ofMillis(1200) : deadline;
        maxPages = maxPages == null ? Integer.valueOf(5) : maxPages;
        maxBodyBytes = maxBodyBytes == null ? DataSize.ofMegabytes(10) : maxBodyBytes;
        maxEntries = maxEntries == null ? Integer.valueOf(2000) : maxEntries;
        threads = threads == null ? Integer.valueOf(8) : threads;
        stopLabPaging = stopLabPaging == null ? Boolean.TRUE : stopLabPaging;
    }

    public FhirProperties(Duration queryTimeout, Duration deadline, int maxPages, DataSize maxBodyBytes,
                          int maxEntries, int threads, boolean sequential) {
        this(queryTimeout, deadline, maxPages, maxBodyBytes, maxEntries, threads, sequential, true);
    }

    /** Every default (as with no cds.fhir.* property set). */
    public static FhirProperties defaults() {
        return new FhirProperties(null, null, null, null, null, null, false, null);
    }

    @AssertTrue(message = "cds.fhir.max-body-bytes must be positive")
    boolean isMaxBodyBytesPositive() {
        return maxBodyBytes.toBytes() > 0;
    }
}
