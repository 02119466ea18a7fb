package org.hypomag.cds.cdshooks;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.hypomag.cds.fhir.OperationOutcome;
import org.hypomag.cds.fhir.PrefetchUnavailableException;
import org.hypomag.cds.security.FhirServerNotAllowedException;
import org.hypomag.cds.security.NotAuthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where errors become HTTP answers: every non-2xx carries an OperationOutcome with a stable
 * code. Nothing reaches the client as a stack trace, and nothing here logs request content.
 */
@RestControllerAdvice
class CdsErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(CdsErrorAdvice.class);
    /** The text of every 413, whether the size filter sees it in Content-Length or the reader past the limit. */
    static final String TOO_LARGE = "The request body is larger than this service accepts";

    @ExceptionHandler(CdsProblem.class)
    ResponseEntity<OperationOutcome> problem(CdsProblem e) {
        return outcome(e.status(), e.issueType(), e.code(), e.getMessage());
    }

    @ExceptionHandler(PrefetchUnavailableException.class)
    ResponseEntity<OperationOutcome> prefetchUnavailable(PrefetchUnavailableException e) {
        return outcome(HttpStatus.PRECONDITION_FAILED, "incomplete", "CDS-412-PREFETCH",
                "Prefetch is missing for " + String.join(", ", e.missingKeys())
                        + " and no fhirServer was given to fetch it");
    }

    @ExceptionHandler(FhirServerNotAllowedException.class)
    ResponseEntity<OperationOutcome> fhirServerNotAllowed(FhirServerNotAllowedException e) {
        return outcome(HttpStatus.FORBIDDEN, "forbidden", e.code(), e.getMessage());
    }

    @ExceptionHandler(NotAuthenticatedException.class)
    void notAuthenticated(NotAuthenticatedException e, HttpServletResponse response) throws IOException {
        e.writeTo(response);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<OperationOutcome> unreadable(HttpMessageNotReadableException e) {
        if (RequestSizeLimitFilter.isTooLarge(e)) {
            return outcome(HttpStatus.CONTENT_TOO_LARGE, "too-long", "CDS-413-TOO-LARGE", TOO_LARGE);
        }
        return outcome(HttpStatus.BAD_REQUEST, "invalid", "CDS-400-MALFORMED-JSON",
                "The request body is not valid JSON of the expected shape");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<OperationOutcome> unsupported(HttpMediaTypeNotSupportedException e) {
        return outcome(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-supported", "CDS-415-CONTENT-TYPE",
                "Send the request as Content-Type: application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<OperationOutcome> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return outcome(HttpStatus.NOT_ACCEPTABLE, "not-supported", "CDS-406-ACCEPT",
                "This service answers application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<OperationOutcome> method(HttpRequestMethodNotSupportedException e) {
        return outcome(HttpStatus.METHOD_NOT_ALLOWED, "not-supported", "CDS-405-METHOD",
                "Method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<OperationOutcome> noResource(NoResourceFoundException e) {
        return outcome(HttpStatus.NOT_FOUND, "not-found", "CDS-404-NOT-FOUND", "No such resource");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<OperationOutcome> unexpected(Exception e) {
        log.error("Unexpected error while answering a CDS call: {}", e.getClass().getName());
        log.debug("Unexpected error detail", e);
        return outcome(HttpStatus.INTERNAL_SERVER_ERROR, "exception", "CDS-500-INTERNAL",
                "The service failed unexpectedly; the failure was logged");
    }

    static ResponseEntity<OperationOutcome> outcome(HttpStatus status, String issueType, String code, String text) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(OperationOutcome.error(issueType, code, text));
    }
}
