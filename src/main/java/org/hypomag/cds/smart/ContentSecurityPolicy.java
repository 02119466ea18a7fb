package org.hypomag.cds.smart;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hypomag.cds.security.SecurityProperties;

/**
 * The Content-Security-Policy of the trend app's pages. Scripts and styles only from this service (no inline
 * script, no eval, no CDN). {@code connect-src} is fixed at start, because the page that calls the FHIR server
 * (after the OAuth redirect) no longer has the launch parameters in its URL: this service, every FHIR server
 * an EHR is configured with ({@code cds.security.issuers[].fhir-servers}, the ones it may already send tokens
 * to), {@code cds.smart.connect-src} (e.g. the EHR's authorization server on another origin), and in demo mode
 * the loopback origins on any port (the local HAPI server, a local authorization stub) and
 * {@code demo-fhir-servers}. A FHIR server outside these is refused by the browser.
 */
final class ContentSecurityPolicy {

    private static final List<String> LOOPBACK = List.of("http://localhost:*", "http://127.0.0.1:*",
            "https://localhost:*", "https://127.0.0.1:*");

    private ContentSecurityPolicy() {
    }

    static String of(SmartProperties smart, SecurityProperties security) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        security.issuers().forEach(i -> i.fhirServers().forEach(f -> connect.add(origin(f.url()))));
        if (security.mode() == SecurityProperties.Mode.DEMO) {
            connect.addAll(LOOPBACK);
            security.demoFhirServers().forEach(f -> connect.add(origin(f.url())));
        }
        connect.addAll(smart.connectSrc());
        connect.remove(null);
        Set<String> frames = new LinkedHashSet<>();
        frames.add("'self'");
        frames.addAll(smart.frameAncestors());
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + String.join(" ", connect) + "; frame-ancestors " + String.join(" ", frames)
                + "; base-uri 'none'; form-action 'none'; object-src 'none'";
    }

    /** scheme://host[:port] of a configured URL; null when it has none (skipped). */
    static String origin(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost().toLowerCase(Locale.ROOT);
            if (host.contains(":") || host.startsWith("[")) {
                return null; // CSP host-source has no IPv6 literal form
            }
            return scheme + "://" + host + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
