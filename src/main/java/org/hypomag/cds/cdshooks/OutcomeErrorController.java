package org.hypomag.cds.cdshooks;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.hypomag.cds.fhir.OperationOutcome;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} (issue 12.8): every error the container dispatches (a TRACE refused
 * with 405, a 404 outside the controllers ...) and a direct call of {@code /error} itself are answered with an
 * OperationOutcome, never {@code {"status":999,"error":"None"}}. Never echoes the request.
 */
@RestController
class OutcomeErrorController implements ErrorController {

    @RequestMapping(path = "/error")
    ResponseEntity<OperationOutcome> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null || !status.isError()) {
            // /error called directly: there is no such resource
            return CdsErrorAdvice.outcome(HttpStatus.NOT_FOUND, "not-found", "CDS-404-NOT-FOUND", "No such resource");
        }
        return switch (status) {
            case METHOD_NOT_ALLOWED -> CdsErrorAdvice.outcome(status, "not-supported", "CDS-405-METHOD",
                    "This method is not supported here");
            case NOT_FOUND -> CdsErrorAdvice.outcome(status, "not-found", "CDS-404-NOT-FOUND", "No such resource");
            default -> status.is4xxClientError()
                    ? CdsErrorAdvice.outcome(status, "invalid", "CDS-" + status.value(), "The request was refused")
                    : CdsErrorAdvice.outcome(status, "exception", "CDS-" + status.value(),
                    "The service could not answer this request");
        };
    }
}
