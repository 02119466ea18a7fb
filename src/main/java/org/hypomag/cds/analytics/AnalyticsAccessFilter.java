package org.hypomag.cds.analytics;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hypomag.cds.fhir.OperationOutcome;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * JWT mode: every {@code /analytics} path but the static page files (the data: cards.json, cards.csv) needs
 * {@code Authorization: Bearer <admin token>}
 * ({@link AdminTokens}), else 401 with an OperationOutcome. The path is judged raw and decoded, case-folded and
 * with doubled slashes collapsed, so an encoded path cannot slip past. Demo mode: not registered. Never logs
 * the token.
 */
final class AnalyticsAccessFilter extends OncePerRequestFilter {

    private final AdminTokens tokens;

    AnalyticsAccessFilter(AdminTokens tokens) {
        this.tokens = tokens;
    }

    /** The page and its script and styles: static, no figures; the script sends the token for the data. */
    private static final Set<String> OPEN = Set.of("/analytics", "/analytics/", "/analytics/index.html",
            "/analytics/analytics.js", "/analytics/analytics.css");

    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    /** Every path under /analytics except the static page files (an allowlist, so a new path is closed). */
    static boolean guards(String path) {
        String collapsed = SLASHES.matcher(path).replaceAll("/");
        return collapsed.toLowerCase(Locale.ROOT).startsWith("/analytics") && !OPEN.contains(collapsed);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        try {
            String raw = request.getRequestURI();
            String context = request.getContextPath();
            raw = context != null && raw.startsWith(context) ? raw.substring(context.length()) : raw;
            return !guards(raw) && !guards(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        if (!tokens.accepts(token)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"analytics\"");
            OperationOutcome.error("login", "analytics-unauthorized",
                    "analytics needs an admin bearer token (cds.analytics.admin-tokens)")
                    .write(response, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }
}
