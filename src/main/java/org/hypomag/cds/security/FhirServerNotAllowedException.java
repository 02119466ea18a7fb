package org.hypomag.cds.security;

/**
 * The request's {@code fhirServer} may not be contacted (or not with the access token). Map it to 403 with
 * an OperationOutcome carrying {@link #code()}. The message is safe to show and log: it names at most the
 * server's origin (scheme://host:port), never a token, path or patient identifier.
 */
public class FhirServerNotAllowedException extends RuntimeException {

    /** fhirServer is missing or not an absolute http(s) URL in normal form. */
    public static final String INVALID = "AUTH-FHIR-SERVER-INVALID";
    /** fhirServer is not on the calling EHR's allowlist. */
    public static final String NOT_ALLOWED = "AUTH-FHIR-SERVER-NOT-ALLOWED";
    /** The access token would travel over plain http to a server not allowed to receive it that way. */
    public static final String INSECURE = "AUTH-FHIR-SERVER-INSECURE";

    private final String code;

    FhirServerNotAllowedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** One of {@link #INVALID}, {@link #NOT_ALLOWED}, {@link #INSECURE}. */
    public String code() {
        return code;
    }
}
