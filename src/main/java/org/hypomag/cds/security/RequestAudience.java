package org.hypomag.cds.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code aud} a call must carry: the URL the client called. With {@code publicBaseUrl} set (the normal
 * case behind a proxy) it is that base + the path within the application, exactly as sent (no query);
 * without it, scheme, host and port come from the request itself (the Host header: weaker, warned at start).
 */
public final class RequestAudience {

    private final String publicBaseUrl;

    RequestAudience(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    String expectedFor(HttpServletRequest request) {
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        String uri = request.getRequestURI();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        if (publicBaseUrl != null) {
            return publicBaseUrl + path;
        }
        return ownBase(request) + path;
    }

    /**
     * This application's base URL as the request names it (scheme, host, port, context path; no trailing slash):
     * only where the Host header may decide (no public base URL configured; demo mode).
     */
    public static String ownBase(HttpServletRequest request) {
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("https".equalsIgnoreCase(scheme) && port == 443)
                || ("http".equalsIgnoreCase(scheme) && port == 80);
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort || port <= 0 ? "" : ":" + port) + context;
    }
}
