package org.hypomag.cds.cdshooks;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.hypomag.cds.security.CallerIdentity;
import org.hypomag.cds.smart.SmartLaunch;
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
    private final SmartLaunch smartLaunch;
    private final CallTrace trace;

    CdsHooksController(CdsServiceRegistry registry, HookCallRunner runner, FeedbackReceiver feedback,
                       SmartLaunch smartLaunch, CallTrace trace) {
        this.registry = registry;
        this.runner = runner;
        this.feedback = feedback;
        this.smartLaunch = smartLaunch;
        this.trace = trace;
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> discovery() {
        return Map.of("services", registry.descriptors());
    }

    @PostMapping(path = "/cds-services/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CdsResponse call(@PathVariable("id") String id, @RequestBody CdsRequest request, HttpServletRequest http) {
        trace.hookInstance(request.hookInstance());
        CdsResponse response = runner.run(id, request, CallerIdentity.require(http),
                smartLaunch.urlFor(http).orElse(null));
        trace.cards(response.cards());
        return response;
    }

    @PostMapping(path = "/cds-services/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> feedback(@PathVariable("id") String id, @RequestBody FeedbackRequest body,
                                 HttpServletRequest http) {
        return Map.of("received", feedback.receive(id, body, CardLedger.owner(CallerIdentity.require(http))));
    }
}
