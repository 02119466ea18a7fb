package org.hypomag.cds.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one URL check for everything the access token may be sent to (issue 12.7): the {@code fhirServer} a
 * caller names (judged by the security layer's policy through this class), every rendered query and every
 * {@code next} link. A URL passes only in normal form: no "." or ".." segment (also not as "..;x"), no
 * encoded dot, slash or backslash, no ';' path parameters, no backslash; nothing is decoded or looked up.
 * IPv6 literal hosts ({@code [::1]}) are supported. No DNS lookups anywhere.
 */
public final class FhirUrls {

    private FhirUrls() {
    }

    /**
     * An absolute http(s) URL with a host and without user info, query or fragment; empty when it is not. The
     * first half of {@link #parseBase}: a hook request whose {@code fhirServer} fails it is malformed (400);
     * one that passes it but not {@link #parseBase} is refused by the security policy (403).
     */
    public static Optional<URI> parseHttp(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            boolean ok = isHttp(uri) && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return ok ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * An absolute http(s) base URL ({@link #parseHttp}) of at most 2048 characters with a clean path
     * ({@link #cleanPath}); empty when it is not.
     */
    public static Optional<URI> parseBase(String value) {
        if (value == null || value.length() > 2048) {
            return Optional.empty();
        }
        return parseHttp(value).filter(uri -> cleanPath(uri.getRawPath()));
    }

    /**
     * Whether {@code candidate} may receive the token meant for {@code base}: http(s), same scheme, host and
     * port, no user info or fragment, a clean path equal to the base's path or below it at a '/' boundary.
     * The query is not judged (it stays on the same resource path).
     */
    public static boolean within(URI base, URI candidate) {
        if (base == null || candidate == null || !isHttp(base) || !isHttp(candidate)
                || candidate.getRawFragment() != null
                || !base.getScheme().equalsIgnoreCase(candidate.getScheme())
                || !host(base).equals(host(candidate)) || port(base) != port(candidate)
                || !cleanPath(base.getRawPath()) || !cleanPath(candidate.getRawPath())) {
            return false;
        }
        String basePath = trimSlash(base.getRawPath());
        String path = trimSlash(candidate.getRawPath());
        return basePath.isEmpty() || path.equals(basePath) || path.startsWith(basePath + "/");
    }

    /**
     * A path in normal form: no dot segment (also with path parameters, "..;x"), no encoded '.', '/', '\' or
     * '%' (double encoding), no ';', no backslash, and unchanged by {@link URI#normalize()}.
     */
    public static boolean cleanPath(String rawPath) {
        String p = rawPath == null ? "" : rawPath;
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25")
                || p.indexOf('\\') >= 0 || p.indexOf(';') >= 0) {
            return false;
        }
        for (String segment : p.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        if (p.isEmpty()) {
            return true;
        }
        try {
            return p.startsWith("/") && URI.create("http://h" + p).normalize().getRawPath().equals(p);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host in lower case, IPv6 literals with their brackets. */
    static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** The port, with http/https defaults filled in. */
    public static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && uri.getRawUserInfo() == null;
    }

    private static String trimSlash(String path) {
        String p = path == null ? "" : path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
