package org.hypomag.cds.cdshooks;

import org.springframework.http.HttpStatus;

/**
 * A client-side problem with a hook, discovery or feedback call, raised at the boundary and translated to
 * an OperationOutcome by {@link CdsErrorAdvice}. {@code code} is stable (documented in the README);
 * {@code message} is safe to show: it never contains tokens or patient identifiers.
 */
class CdsProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String issueType;

    CdsProblem(HttpStatus status, String code, String issueType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.issueType = issueType;
    }

    static CdsProblem invalid(String code, String message) {
        return new CdsProblem(HttpStatus.BAD_REQUEST, code, "invalid", message);
    }

    static CdsProblem notFound(String code, String message) {
        return new CdsProblem(HttpStatus.NOT_FOUND, code, "not-found", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    String issueType() {
        return issueType;
    }
}
