package org.hypomag.cds.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.hypomag.cds.fhir.OperationOutcome;

/**
 * The 401 answers (the filter's, and {@link NotAuthenticatedException}'s when a request reached a controller
 * without passing the filter): a FHIR OperationOutcome with a stable code and a generic text (the spec's
 * best practice: do not tell the client why its token failed), and {@code WWW-Authenticate} per RFC 6750
 * (no error code when no token was sent, {@code invalid_token} otherwise). Fixed strings only.
 *
 * @param code      the stable code in {@code issue[0].details.coding[0].code}
 * @param challenge the WWW-Authenticate value
 * @param text      the text shown to the client
 */
record AuthFailure(String code, String challenge, String text) {

    static final AuthFailure MISSING = new AuthFailure("AUTH-MISSING-TOKEN", "Bearer realm=\"cds-services\"",
            "This service needs Authorization: Bearer with a JWT signed by a trusted EHR");
    static final AuthFailure INVALID = new AuthFailure("AUTH-INVALID-TOKEN",
            "Bearer realm=\"cds-services\", error=\"invalid_token\"",
            "The bearer token was not accepted");

    static void write(HttpServletResponse response, AuthFailure failure) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("WWW-Authenticate", failure.challenge());
        response.setHeader("Cache-Control", "no-store");
        failure.outcome().write(response, HttpServletResponse.SC_UNAUTHORIZED);
    }

    static final AuthFailure DEMO_LOOPBACK_ONLY = new AuthFailure("AUTH-DEMO-LOOPBACK-ONLY", null,
            "Demo mode answers calls to a loopback address (localhost, 127.0.0.1, [::1]) only");

    static void writeForbidden(HttpServletResponse response, AuthFailure failure) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        failure.outcome().write(response, HttpServletResponse.SC_FORBIDDEN);
    }

    static final AuthFailure BUSY = new AuthFailure("AUTH-REPLAY-MEMORY-FULL", null,
            "The service cannot accept new tokens from this EHR right now; retry later");

    /** 503 + Retry-After: the issuer's replay memory is full, so a new token cannot be remembered (12.3). */
    static void writeBusy(HttpServletResponse response, java.time.Duration retryAfter) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        response.setHeader("Cache-Control", "no-store");
        BUSY.outcome().write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    OperationOutcome outcome() {
        return OperationOutcome.error("security", code, text);
    }
}
