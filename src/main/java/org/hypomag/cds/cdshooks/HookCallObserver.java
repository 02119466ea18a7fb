package org.hypomag.cds.cdshooks;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around every POST to {@code /cds-services/{id}} (not feedback, not discovery), before the JWT filter so the
 * calls it refuses are counted too: opens the call's {@link CallRecord}, and when the answer is written records
 * the call's metrics and its log line with the status actually sent.
 */
final class HookCallObserver extends OncePerRequestFilter {

    private static final Pattern HOOK_PATH = Pattern.compile("/cds-services/([^/;]{1,200})");

    private final CallTrace trace;
    private final HookMetrics metrics;
    private final HookCallLog callLog;

    HookCallObserver(CallTrace trace, HookMetrics metrics, HookCallLog callLog) {
        this.trace = trace;
        this.metrics = metrics;
        this.callLog = callLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || serviceId(request) == null;
    }

    /** The id in the URL of a hook call, or null when the path is not one. */
    static String serviceId(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        Matcher m = HOOK_PATH.matcher(path);
        return m.matches() ? m.group(1) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        CallRecord record = trace.begin(metrics.service(serviceId(request)));
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            trace.end();
            long nanos = System.nanoTime() - start;
            int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
            metrics.call(record.service(), status, nanos);
            metrics.cards(record.service(), record.cards());
            callLog.write(record, status, nanos);
        }
    }
}
