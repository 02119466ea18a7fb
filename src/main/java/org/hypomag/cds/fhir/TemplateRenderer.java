package org.hypomag.cds.fhir;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a prefetch template ({@code Observation?patient={{context.patientId}}&...}) into a URL on the FHIR
 * server. Token values are percent-encoded, so an id cannot add query parameters or path segments; the
 * template's own query is encoded to what {@link URI} accepts ('|' in token search becomes %7C).
 */
final class TemplateRenderer {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");
    private static final String URI_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?%";

    /** A rendered URL, or the name of the token that had no value. */
    record Rendered(URI uri, String missingToken) {
    }

    private TemplateRenderer() {
    }

    static Rendered render(String fhirServer, String template, Map<String, String> tokens) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = tokens.get(m.group(1));
            if (value == null) {
                return new Rendered(null, m.group(1));
            }
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            m.appendReplacement(out, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(out);
        return new Rendered(resolve(fhirServer, out.toString()), null);
    }

    /** {@code base + "/" + relative}, or an absolute URL as given; characters URI rejects are encoded. */
    static URI resolve(String fhirServer, String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            // the authority as given (an IPv6 literal keeps its brackets); the rest encoded
            int slash = url.indexOf('/', url.indexOf("://") + 3);
            return slash < 0 ? URI.create(url)
                    : URI.create(url.substring(0, slash) + encodeUnsafe(url.substring(slash)));
        }
        return URI.create(stripSlash(fhirServer) + "/" + encodeUnsafe(url.startsWith("/") ? url.substring(1) : url));
    }

    static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String encodeUnsafe(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (by & 0xff);
            if (by >= 0 && URI_SAFE.indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((by >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(by & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
