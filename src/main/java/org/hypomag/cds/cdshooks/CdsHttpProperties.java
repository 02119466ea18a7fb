package org.hypomag.cds.cdshooks;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP limits and CORS of the CDS endpoints.
 *
 * @param maxRequestSize      larger hook/feedback bodies are refused with 413
 * @param corsAllowedOrigins  browser origins allowed to call (the reference EHR simulator is a browser
 *                            app); "*" allows any origin and is meant for local trials only
 * @param concurrentCalls     hook calls working at once ({@link CallGate}); 0: {@value #CALLS_PER_PROCESSOR} per
 *                            available processor
 * @param callQueueTimeout    longest a hook call waits for a place before it is answered 503
 */
@Validated
@ConfigurationProperties(prefix = "cds.http")
public record CdsHttpProperties(
        @DefaultValue("5MB") DataSize maxRequestSize,
        @DefaultValue("https://sandbox.cds-hooks.org") List<@NotBlank String> corsAllowedOrigins,
        @DefaultValue("0") @Min(0) @Max(4096) int concurrentCalls,
        @DefaultValue("10s") Duration callQueueTimeout) {

    /** Calls working at once per available processor when {@code concurrent-calls} is 0. */
    static final int CALLS_PER_PROCESSOR = 3;

    @AssertTrue(message = "cds.http.call-queue-timeout must be between 1 ms and 60 s")
    boolean isCallQueueTimeoutBounded() {
        return callQueueTimeout != null && callQueueTimeout.toMillis() >= 1 && callQueueTimeout.toSeconds() <= 60;
    }

    @AssertTrue(message = "cds.http.max-request-size must be positive")
    boolean isMaxRequestSizePositive() {
        return maxRequestSize.toBytes() > 0;
    }
}
