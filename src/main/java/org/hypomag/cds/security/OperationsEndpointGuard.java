package org.hypomag.cds.security;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * JWT mode, on the application's (internet-facing) port: the actuator answers {@code /actuator/health} (probes)
 * and nothing else; {@code /actuator/prometheus} and any other operations endpoint is a 404 there. Metrics are
 * read on the management port ({@code management.server.port}, bound with {@code management.server.address} to
 * an internal interface), where this filter does not run: Boot's management server is a child context that
 * does not take the application's filters. In demo mode (loopback only) the filter is not registered.
 */
final class OperationsEndpointGuard extends OncePerRequestFilter {

    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    private static final Pattern PROBE = Pattern.compile("/actuator/health(/liveness|/readiness)?/?");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI();
        String context = request.getContextPath();
        raw = context != null && raw.startsWith(context) ? raw.substring(context.length()) : raw;
        String decoded;
        try {
            decoded = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        } catch (RuntimeException e) {
            decoded = "/actuator";
        }
        if (refused(raw) || refused(decoded)) {
            response.resetBuffer();
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /** An actuator path other than the health probes. */
    static boolean refused(String path) {
        String p = SLASHES.matcher(path.toLowerCase(Locale.ROOT)).replaceAll("/");
        return p.startsWith("/actuator") && !PROBE.matcher(p).matches();
    }
}
