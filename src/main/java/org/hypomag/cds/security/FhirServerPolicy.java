package org.hypomag.cds.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hypomag.cds.fhir.FhirUrls;
import org.springframework.stereotype.Component;

/**
 * Which {@code fhirServer} a caller may make this service contact: only servers on that issuer's allowlist
 * (demo mode: loopback servers and {@code cds.security.demo-fhir-servers}), and an access token only over
 * https unless the entry says {@code allow-http}. Call {@link #check} before any request to fhirServer, so
 * the token never goes anywhere else.
 */
@Component
public class FhirServerPolicy {

    private final Map<String, List<SecurityProperties.FhirServer>> byIssuer;
    private final List<SecurityProperties.FhirServer> demo;

    public FhirServerPolicy(SecurityProperties properties) {
        this.byIssuer = properties.issuers().stream()
                .collect(Collectors.toUnmodifiableMap(SecurityProperties.Issuer::iss, SecurityProperties.Issuer::fhirServers));
        this.demo = properties.demoFhirServers();
    }

    /**
     * Passes when {@code caller} may have this service contact {@code fhirServer}, sending the access token
     * when {@code sendsToken}; throws {@link FhirServerNotAllowedException} otherwise.
     */
    public void check(CallerIdentity caller, String fhirServer, boolean sendsToken) {
        URI uri = Urls.parseHttpUrl(fhirServer).orElseThrow(() -> new FhirServerNotAllowedException(
                FhirServerNotAllowedException.INVALID, "fhirServer must be an absolute http(s) URL without user "
                + "info, query, fragment or dot segments"));
        String origin = Urls.origin(uri);
        Optional<SecurityProperties.FhirServer> entry = allowlist(caller).stream()
                .filter(e -> matches(Urls.parseHttpUrl(e.url()).orElseThrow(), uri)).findFirst();
        boolean loopbackInDemo = caller != null && caller.demo() && Urls.isLoopback(uri.getHost());
        if (entry.isEmpty() && !loopbackInDemo) {
            throw new FhirServerNotAllowedException(FhirServerNotAllowedException.NOT_ALLOWED,
                    "fhirServer " + origin + " is not on this service's allowlist for the calling EHR");
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        boolean httpAllowed = loopbackInDemo || entry.map(SecurityProperties.FhirServer::allowHttp).orElse(false);
        if (sendsToken && http && !httpAllowed) {
            throw new FhirServerNotAllowedException(FhirServerNotAllowedException.INSECURE,
                    "fhirServer " + origin + " uses plain http: this service sends access tokens only over https");
        }
    }

    private List<SecurityProperties.FhirServer> allowlist(CallerIdentity caller) {
        if (caller == null) {
            return List.of();
        }
        return caller.demo() ? demo : byIssuer.getOrDefault(caller.issuer(), List.of());
    }

    /** Same scheme, host and port; path (case-sensitive) equal to the entry's or below it at a '/' boundary. */
    static boolean matches(URI allowed, URI candidate) {
        return FhirUrls.within(allowed, candidate);
    }
}
