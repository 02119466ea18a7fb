package org.hypomag.cds.cdshooks;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hypomag.cds.fhir.OperationOutcome;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every hook call (POST to a service's URL) works inside the {@link CallGate}, from before its token is
 * checked (the token check is CPU work too) to its answer. Discovery, feedback, health and metrics are not
 * gated. No place within the queue timeout: 503 with Retry-After and an OperationOutcome.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // before the JWT filter (+5)
class CallGateFilter extends OncePerRequestFilter {

    static final String BUSY = "The service is busy: no place for this call came free in time; retry shortly";

    private final CallGate gate;

    CallGateFilter(CallGate gate) {
        this.gate = gate;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !uri.startsWith("/cds-services/") || uri.endsWith("/feedback");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean entered;
        try {
            entered = gate.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            response.setHeader("Retry-After", "1");
            OperationOutcome.error("throttled", "CDS-503-BUSY", BUSY)
                    .write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            gate.leave();
        }
    }
}
