package org.hypomag.cds.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A request reached a guarded endpoint without an accepted caller (see {@link CallerIdentity#require}). Its
 * answer is the authentication filter's own 401 for a missing token, written by {@link #writeTo}: one status,
 * one code, one text, one challenge wherever the 401 comes from.
 */
public final class NotAuthenticatedException extends RuntimeException {

    NotAuthenticatedException() {
        super(AuthFailure.MISSING.text(), null, false, false);
    }

    /** Writes the 401 (WWW-Authenticate, OperationOutcome AUTH-MISSING-TOKEN). */
    public void writeTo(HttpServletResponse response) throws IOException {
        AuthFailure.write(response, AuthFailure.MISSING);
    }
}
