package org.hypomag.bench.peer;

import java.util.Map;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * HAPI's exceptions carry their HTTP status (412 for a missing prefetch key, 400 for an invalid request), which
 * HAPI's own servlet applies; plain Spring MVC would answer 500 for them. Not on the measured path.
 */
@RestControllerAdvice
public class HapiErrors {

    @ExceptionHandler(BaseServerResponseException.class)
    ResponseEntity<Map<String, Object>> hapiError(BaseServerResponseException e) {
        return ResponseEntity.status(e.getStatusCode()).body(Map.of("status", e.getStatusCode(),
                "message", String.valueOf(e.getMessage())));
    }
}
