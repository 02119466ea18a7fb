package org.hypomag.cds.security;

import java.util.Optional;

import jakarta.servlet.ServletRequest;

/**
 * Who made an accepted call: put in the request by the authentication filter under
 * {@link #REQUEST_ATTRIBUTE} before any controller runs. Holds no token.
 *
 * @param issuer the verified {@code iss} (null in demo mode)
 * @param tenant the token's {@code tenant} claim, or null
 * @param demo   true when the service runs in demo mode and the call was not authenticated
 */
public record CallerIdentity(String issuer, String tenant, boolean demo) {

    /** The request attribute holding the {@link CallerIdentity} of an accepted call. */
    public static final String REQUEST_ATTRIBUTE = "org.hypomag.cds.security.CallerIdentity";

    public CallerIdentity {
        if (!demo && (issuer == null || issuer.isBlank())) {
            throw new IllegalArgumentException("an authenticated caller has an issuer");
        }
    }

    /** The unauthenticated caller of demo mode. */
    public static CallerIdentity demoCaller() {
        return new CallerIdentity(null, null, true);
    }

    /** The caller the filter accepted for this request; empty when the request did not pass the filter. */
    public static Optional<CallerIdentity> of(ServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof CallerIdentity c ? Optional.of(c) : Optional.empty();
    }

    /**
     * The caller the filter accepted for this request; a {@link NotAuthenticatedException} (the filter's 401)
     * when the request did not pass the filter.
     */
    public static CallerIdentity require(ServletRequest request) {
        return of(request).orElseThrow(NotAuthenticatedException::new);
    }
}
