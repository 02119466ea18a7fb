package org.hypomag.cds.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hypomag.cds.fhir.FhirUrls;

/** URL checks shared by the configuration and the FHIR server policy. No DNS lookups anywhere. */
final class Urls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private Urls() {
    }

    /**
     * An absolute http(s) URL with a host and without user info, query or fragment, in normal form (no
     * "." or ".." segments, no encoded dots or slashes); empty when it is not.
     */
    static Optional<URI> parseHttpUrl(String value) {
        return FhirUrls.parseBase(value); // the one implementation, shared with every query and next link
    }

    /** An http(s) URL (as {@link #parseHttpUrl}) that is https, or http to a loopback host. */
    static boolean isHttpsOrLoopback(String value) {
        return value != null && parseHttpUrl(value.strip())
                .filter(u -> "https".equalsIgnoreCase(u.getScheme()) || isLoopback(u.getHost())).isPresent();
    }

    /** localhost, 127.0.0.0/8 or ::1, judged from the text alone. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** The port, with http/https defaults filled in. */
    static int port(URI uri) {
        return FhirUrls.port(uri);
    }

    /** scheme://host:port, for messages: never the path (it may carry a tenant or other detail). */
    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + port(uri);
    }
}
