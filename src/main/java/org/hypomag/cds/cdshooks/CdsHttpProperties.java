package org.hypomag.cds.cdshooks;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
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
 */
@Validated
@ConfigurationProperties(prefix = "cds.http")
public record CdsHttpProperties(
        @DefaultValue("5MB") DataSize maxRequestSize,
        @DefaultValue("https://sandbox.cds-hooks.org") List<@NotBlank String> corsAllowedOrigins) {

    @AssertTrue(message = "cds.http.max-request-size must be positive")
    boolean isMaxRequestSizePositive() {
        return maxRequestSize.toBytes() > 0;
    }
}
