package org.hypomag.cds.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The 401 answers of the filter: a FHIR OperationOutcome with a stable code and a generic text (the spec's
 * best practice: do not tell the client why its token failed), and {@code WWW-Authenticate} per RFC 6750
 * (no error code when no token was sent, {@code invalid_token} otherwise). Fixed strings only.
 *
 * @param code      the stable code in {@code issue[0].details.coding[0].code}
 * @param challenge the WWW-Authenticate value
 * @param text      the text shown to the client
 */
record AuthFailure(String code, String challenge, String text) {

    static final String ERROR_SYSTEM = "urn:hypomag:cds:error";

    static final AuthFailure MISSING = new AuthFailure("AUTH-MISSING-TOKEN", "Bearer realm=\"cds-services\"",
            "This service needs Authorization: Bearer with a JWT signed by a trusted EHR");
    static final AuthFailure INVALID = new AuthFailure("AUTH-INVALID-TOKEN",
            "Bearer realm=\"cds-services\", error=\"invalid_token\"",
            "The bearer token was not accepted");

    static void write(HttpServletResponse response, AuthFailure failure) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", failure.challenge());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(failure.json());
    }

    static final AuthFailure DEMO_LOOPBACK_ONLY = new AuthFailure("AUTH-DEMO-LOOPBACK-ONLY", null,
            "Demo mode answers calls to a loopback address (localhost, 127.0.0.1, [::1]) only");

    static void writeForbidden(HttpServletResponse response, AuthFailure failure) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(failure.json());
    }

    static final AuthFailure BUSY = new AuthFailure("AUTH-REPLAY-MEMORY-FULL", null,
            "The service cannot accept new tokens from this EHR right now; retry later");

    /** 503 + Retry-After: the issuer's replay memory is full, so a new token cannot be remembered (12.3). */
    static void writeBusy(HttpServletResponse response, java.time.Duration retryAfter) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(BUSY.json());
    }

    String json() {
        return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"security\","
                + "\"details\":{\"coding\":[{\"system\":\"" + ERROR_SYSTEM + "\",\"code\":\"" + code + "\"}],"
                + "\"text\":\"" + text + "\"}}]}";
    }
}
