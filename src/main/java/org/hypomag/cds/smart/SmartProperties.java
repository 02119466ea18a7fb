package org.hypomag.cds.smart;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cds.smart.*}: the SMART trend app.
 *
 * @param enabled        cards carry the "Magnesium trend" link (and the app is offered) [true]
 * @param launchUrl      absolute launch URL the cards link to; unset: {@code cds.security.public-base-url} +
 *                       {@code /smart/launch.html}, or in demo mode the calling request's own base
 * @param clientId       the OAuth client id the EHR registered for the app [hypomag-trend]
 * @param connectSrc     origins the app's pages may fetch from besides its own, added to those of every
 *                       configured {@code fhir-servers} entry (the EHR's FHIR server) — list the EHR's
 *                       authorization server here when it is on another origin
 * @param frameAncestors origins allowed to embed the app in a frame (an EHR that opens it in an iframe);
 *                       none: only this service's own pages
 */
@ConfigurationProperties(prefix = "cds.smart")
public record SmartProperties(
        @DefaultValue("true") boolean enabled,
        String launchUrl,
        @DefaultValue("hypomag-trend") String clientId,
        List<String> connectSrc,
        List<String> frameAncestors) {

    /** A CSP source we accept from configuration: scheme://host[:port|:*], nothing else (no path, no quote). */
    static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.\\-]+(:(\\d{1,5}|\\*))?|https?://\\[[0-9a-fA-F:]+](:(\\d{1,5}|\\*))?");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~\\-]{1,128}");

    public SmartProperties {
        launchUrl = launchUrl == null || launchUrl.isBlank() ? null : absolute(launchUrl.strip());
        clientId = clientId == null || clientId.isBlank() ? "hypomag-trend" : clientId.strip();
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("cds.smart.client-id must be 1-128 of A-Z a-z 0-9 . _ ~ -");
        }
        connectSrc = origins("cds.smart.connect-src", connectSrc);
        frameAncestors = origins("cds.smart.frame-ancestors", frameAncestors);
    }

    private static String absolute(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cds.smart.launch-url is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("cds.smart.launch-url must be an absolute http(s) URL without query");
        }
        return url;
    }

    private static List<String> origins(String key, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = values.stream().map(String::strip).map(v -> v.replaceAll("/+$", "")).toList();
        for (String v : out) {
            if (!ORIGIN.matcher(v).matches()) {
                throw new IllegalArgumentException(key + ": '" + v + "' is not an origin (scheme://host[:port])");
            }
        }
        return out;
    }
}
