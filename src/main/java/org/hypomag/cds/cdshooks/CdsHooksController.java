package org.hypomag.cds.cdshooks;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.hypomag.cds.security.CallerIdentity;
import org.springframework.http.HttpStatus;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The three CDS Hooks endpoints; each only delegates. */
@RestController
class CdsHooksController {

    private final CdsServiceRegistry registry;
    private final HookCallRunner runner;
    private final FeedbackReceiver feedback;
    private final CallTrace trace;

    CdsHooksController(CdsServiceRegistry registry, HookCallRunner runner, FeedbackReceiver feedback,
                       CallTrace trace) {
        this.registry = registry;
        this.runner = runner;
        this.feedback = feedback;
        this.trace = trace;
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> discovery() {
        return Map.of("services", registry.descriptors());
    }

    @PostMapping(path = "/cds-services/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CdsResponse call(@PathVariable("id") String id, @RequestBody CdsRequest request, HttpServletRequest http) {
        CallerIdentity caller = CallerIdentity.of(http).orElseThrow(() -> new CdsProblem(HttpStatus.UNAUTHORIZED,
                "AUTH-MISSING-TOKEN", "security", "This call was not authenticated"));
        trace.hookInstance(request.hookInstance());
        CdsResponse response = runner.run(id, request, caller);
        trace.cards(response.cards());
        return response;
    }

    @PostMapping(path = "/cds-services/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> feedback(@PathVariable("id") String id, @RequestBody FeedbackRequest body,
                                 HttpServletRequest http) {
        CallerIdentity caller = CallerIdentity.of(http).orElseThrow(() -> new CdsProblem(HttpStatus.UNAUTHORIZED,
                "AUTH-MISSING-TOKEN", "security", "This call was not authenticated"));
        return Map.of("received", feedback.receive(id, body, CardLedger.owner(caller)));
    }
}
