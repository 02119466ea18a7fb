package org.hypomag.cds.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hypomag.cds.fhir.OperationOutcome;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest application around the security wiring: no component scan (so it does not meet the real
 * controllers), a settable clock, and stand-in CDS endpoints that use the filter's output the way the
 * runner does: read the CallerIdentity, check fhirServer before any fetch, map the refusal to 403.
 * {@code @TestComponent} keeps the real application's component scan (in other tests) away from it.
 */
@SpringBootConfiguration
@TestComponent
@EnableAutoConfiguration
@Import({SecurityConfiguration.class, FhirServerPolicy.class, SecuredTestApp.StandInController.class})
class SecuredTestApp {

    /** Mid 2026: the fixtures' sandbox tokens were issued in November 2026. */
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(NOW);
    }

    /** The security checks run on the same settable clock here (in the service they use the real one). */
    @Bean
    SecurityClock securityClock(MutableClock clock) {
        return new SecurityClock(clock);
    }

    @RestController
    static class StandInController {

        private final FhirServerPolicy policy;

        StandInController(FhirServerPolicy policy) {
            this.policy = policy;
        }

        @GetMapping("/cds-services")
        Map<String, Object> discovery() {
            return Map.of("services", List.of());
        }

        @PostMapping("/cds-services/{id}")
        Map<String, Object> call(@PathVariable("id") String id, @RequestBody Map<String, Object> body,
                                 @RequestAttribute(CallerIdentity.REQUEST_ATTRIBUTE) CallerIdentity caller) {
            Object fhirServer = body.get("fhirServer");
            if (fhirServer != null) {
                boolean sendsToken = body.get("fhirAuthorization") instanceof Map<?, ?> auth
                        && auth.get("access_token") != null;
                policy.check(caller, fhirServer.toString(), sendsToken);
            }
            return Map.of("cards", List.of(), "issuer", String.valueOf(caller.issuer()), "demo", caller.demo());
        }

        @PostMapping("/cds-services/{id}/feedback")
        Map<String, Object> feedback(@PathVariable("id") String id) {
            return Map.of();
        }

        @ExceptionHandler(FhirServerNotAllowedException.class)
        ResponseEntity<OperationOutcome> refused(FhirServerNotAllowedException e) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(OperationOutcome.error("forbidden", e.code(), e.getMessage()));
        }
    }
}
