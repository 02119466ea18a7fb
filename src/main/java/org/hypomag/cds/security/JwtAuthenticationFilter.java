package org.hypomag.cds.security;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Guards every call under {@code /cds-services} (discovery, hooks, feedback; any method except the CORS
 * preflight OPTIONS): a valid client JWT, or demo mode, or 401. Other paths (actuator, the demo page) are
 * not touched. The guarded paths are judged on the raw, the container's and Spring's decoded path, so
 * encoded or doubled characters cannot slip a call past it. Never logs the token; any unexpected failure is a 401, never a 500.
 */
final class JwtAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(JwtAuthenticationFilter.class);
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final JwtVerifier verifier;
    private final RequestAudience audience;
    private final boolean demo;
    private final boolean loopbackHostOnly;
    private final JwtRejections rejections;

    JwtAuthenticationFilter(JwtVerifier verifier, RequestAudience audience, boolean demo) {
        this(verifier, audience, demo, false);
    }

    /** @param loopbackHostOnly demo mode: answer only calls whose Host names a loopback address (12.6) */
    JwtAuthenticationFilter(JwtVerifier verifier, RequestAudience audience, boolean demo, boolean loopbackHostOnly) {
        this(verifier, audience, demo, loopbackHostOnly, JwtRejections.NONE);
    }

    /** @param rejections counts each refusal by its internal reason (the answer does not say it) */
    JwtAuthenticationFilter(JwtVerifier verifier, RequestAudience audience, boolean demo, boolean loopbackHostOnly,
                            JwtRejections rejections) {
        this.verifier = verifier;
        this.audience = audience;
        this.demo = demo;
        this.loopbackHostOnly = loopbackHostOnly;
        this.rejections = rejections;
    }

    /** Whether a path (within the application) is one this filter guards. */
    static boolean guards(String path) {
        String p = path.toLowerCase(Locale.ROOT).replaceAll("/{2,}", "/");
        return p.equals("/cds-services") || p.startsWith("/cds-services/") || p.startsWith("/cds-services;");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "OPTIONS".equalsIgnoreCase(request.getMethod()) || !isGuarded(request);
    }

    private static boolean isGuarded(HttpServletRequest request) {
        try {
            String servletPath = request.getServletPath()
                    + (request.getPathInfo() == null ? "" : request.getPathInfo());
            return guards(pathOf(request)) || guards(servletPath)
                    || guards(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
        } catch (RuntimeException e) {
            return true;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (demo) {
            if (loopbackHostOnly && !Urls.isLoopback(request.getServerName())) {
                // a page on another origin (DNS rebinding) or a remote caller: demo mode is for this machine only
                log.warn("Refused {} {}: demo mode answers loopback Host names only", request.getMethod(),
                        safe(pathOf(request)));
                rejections.count(JwtRejections.Reason.DEMO_NOT_LOOPBACK);
                AuthFailure.writeForbidden(response, AuthFailure.DEMO_LOOPBACK_ONLY);
                return;
            }
            request.setAttribute(CallerIdentity.REQUEST_ATTRIBUTE, CallerIdentity.demoCaller());
            chain.doFilter(request, response);
            return;
        }
        CallerIdentity caller;
        try {
            List<String> headers = Collections.list(request.getHeaders("Authorization"));
            String token = headers.size() == 1 ? bearer(headers.get(0)) : null;
            if (token == null) {
                log.info("Refused {} {}: no single Bearer token", request.getMethod(), safe(pathOf(request)));
                rejections.count(JwtRejections.Reason.MISSING_TOKEN);
                AuthFailure.write(response, AuthFailure.MISSING);
                return;
            }
            caller = verifier.verify(token, audience.expectedFor(request));
        } catch (JwtVerifier.AudienceMismatch e) {
            // the aud is not a secret: say what came and what was expected, so an integrator sees why (12.5)
            log.warn("Refused {} {}: aud {} is not the called URL {} (cds.security.public-base-url + path)",
                    request.getMethod(), safe(pathOf(request)), e.received().stream().limit(5).map(JwtAuthenticationFilter::safeUrl).toList(),
                    safeUrl(audience.expectedFor(request)));
            rejections.count(JwtRejections.Reason.AUDIENCE);
            AuthFailure.write(response, AuthFailure.INVALID);
            return;
        } catch (ReplayCapacityException e) {
            log.warn("Refused {} {}: the replay check could not remember the token now (this issuer's memory full, "
                    + "cds.security.replay-cache-size, or no free store connection); retry in {}",
                    request.getMethod(), safe(pathOf(request)), e.retryAfter());
            rejections.count(JwtRejections.Reason.REPLAY_MEMORY_FULL);
            AuthFailure.writeBusy(response, e.retryAfter());
            return;
        } catch (InvalidTokenException e) {
            log.info("Refused {} {}: {}", request.getMethod(), safe(pathOf(request)), e.getMessage());
            rejections.count(JwtRejections.of(e));
            AuthFailure.write(response, AuthFailure.INVALID);
            return;
        } catch (RuntimeException e) {
            log.warn("Refused {} {}: verification failed unexpectedly ({})", request.getMethod(),
                    safe(pathOf(request)), e.getClass().getName());
            rejections.count(JwtRejections.Reason.OTHER);
            AuthFailure.write(response, AuthFailure.INVALID);
            return;
        }
        request.setAttribute(CallerIdentity.REQUEST_ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }

    /** The token of a {@code Bearer} header that looks like a compact JWS; null otherwise. */
    private static String bearer(String header) {
        if (header == null || header.length() > MAX_TOKEN_CHARS || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return COMPACT_JWS.matcher(token).matches() ? token : null;
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** A URL for a log line: only harmless characters, bounded. */
    private static String safeUrl(String url) {
        String u = url == null ? "null" : url.replaceAll("[^A-Za-z0-9/_.:\\[\\]-]", "?");
        return u.length() > 200 ? u.substring(0, 200) + "..." : u;
    }

    /** The path for a log line: only harmless characters, bounded. */
    private static String safe(String path) {
        String p = path.replaceAll("[^A-Za-z0-9/_.-]", "?");
        return p.length() > 120 ? p.substring(0, 120) + "..." : p;
    }
}
