package org.hypomag.cds.smart;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on everything under {@code /smart/}: the strict CSP, no referrer (the OAuth redirect carries the code
 * and state in its URL until the library removes them), no MIME sniffing, and no caching of the pages.
 */
final class SmartHeadersFilter extends OncePerRequestFilter {

    private final String csp;

    SmartHeadersFilter(String csp) {
        this.csp = csp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", csp);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getRequestURI().endsWith(".html") || request.getRequestURI().endsWith("/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
