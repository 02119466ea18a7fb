package org.hypomag.cds.cdshooks;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits and CORS of the CDS endpoints.
 *
 * @param maxRequestSize      larger hook/feedback bodies are refused with 413
 * @param corsAllowedOrigins  browser origins allowed to call (the reference EHR simulator is a browser
 *                            app); "*" allows any origin and is meant for local trials only
 */
@ConfigurationProperties(prefix = "cds.http")
public record CdsHttpProperties(
        @DefaultValue("5MB") DataSize maxRequestSize,
        @DefaultValue("https://sandbox.cds-hooks.org") List<String> corsAllowedOrigins) {
}
