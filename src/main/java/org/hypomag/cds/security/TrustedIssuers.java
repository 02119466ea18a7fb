package org.hypomag.cds.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The trusted issuers, built once at start from {@link SecurityProperties}: JWKS files are read (and a bad
 * file stops the start); URL sources (jwksUrl, allowlisted jku) are fetched lazily, cached for
 * {@code jwksCacheTtl}, refetched on an unknown kid at most once per {@code jwksRefreshMinInterval}, with
 * short timeouts and a size limit.
 */
final class TrustedIssuers {

    private static final Logger log = LoggerFactory.getLogger(TrustedIssuers.class);
    /** Issuers whose private key is published (the public CDS Hooks sandbox): fine for trials only. */
    private static final String PUBLIC_KEY_SANDBOX = "https://sandbox.cds-hooks.org";
    static final int HTTP_TIMEOUT_MS = 3_000;
    static final int JWKS_SIZE_LIMIT = 64 * 1024;

    private final Map<String, TrustedIssuer> byIss;

    TrustedIssuers(SecurityProperties properties, ResourceLoader resources) {
        Map<String, TrustedIssuer> map = new LinkedHashMap<>();
        for (SecurityProperties.Issuer issuer : properties.issuers()) {
            map.put(issuer.iss(), build(issuer, properties, resources));
        }
        this.byIss = Map.copyOf(map);
    }

    Optional<TrustedIssuer> find(String iss) {
        return iss == null ? Optional.empty() : Optional.ofNullable(byIss.get(iss));
    }

    int size() {
        return byIss.size();
    }

    private static TrustedIssuer build(SecurityProperties.Issuer issuer, SecurityProperties properties,
                                       ResourceLoader resources) {
        JWKSource<SecurityContext> configured = null;
        if (issuer.jwksFile() != null) {
            configured = new ImmutableJWKSet<>(loadFile(issuer.iss(), resources.getResource(issuer.jwksFile())));
        } else if (issuer.jwksUrl() != null) {
            configured = remote(issuer.jwksUrl(), properties);
        }
        Map<String, JWKSource<SecurityContext>> jku = issuer.jkuAllowlist().stream().distinct()
                .collect(Collectors.toMap(u -> u, u -> remote(u, properties)));
        if (issuer.iss().startsWith(PUBLIC_KEY_SANDBOX)) {
            log.warn("Trusted issuer {} signs with a PUBLISHED private key: anyone can mint its tokens. "
                    + "Use it for trials only, never with real patient data", issuer.iss());
        }
        log.info("Trusted issuer {}: keys from {}{}, algorithms {}, {} FHIR server(s) allowed", issuer.iss(),
                issuer.jwksFile() != null ? issuer.jwksFile() : issuer.jwksUrl() != null ? issuer.jwksUrl() : "jku only",
                jku.isEmpty() ? "" : " (+" + jku.size() + " allowlisted jku)", issuer.algorithms(),
                issuer.fhirServers().size());
        return new TrustedIssuer(issuer.iss(), issuer.algorithms().stream().map(JWSAlgorithm::parse)
                .collect(Collectors.toSet()), issuer.tenant(), configured, jku);
    }

    private static JWKSet loadFile(String iss, Resource file) {
        try (InputStream in = file.getInputStream()) {
            JWKSet all = JWKSet.load(in);
            JWKSet usable = all.toPublicJWKSet();
            if (all.getKeys().stream().anyMatch(k -> k.isPrivate() || k.toPublicJWK() == null)) {
                log.warn("The JWKS of issuer {} holds private or symmetric keys: only its public keys are used, "
                        + "and the file should not hold the others", iss);
            }
            if (usable.getKeys().isEmpty() || usable.getKeys().stream().anyMatch(k -> k.getKeyID() == null)) {
                throw new IllegalStateException("The JWKS of issuer " + iss + " (" + file.getDescription()
                        + ") must hold at least one public key, each with a kid");
            }
            return usable;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot read the JWKS of issuer " + iss + " (" + file.getDescription()
                    + "): " + e.getClass().getSimpleName(), e);
        }
    }

    private static JWKSource<SecurityContext> remote(String url, SecurityProperties properties) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL(),
                            new DefaultResourceRetriever(HTTP_TIMEOUT_MS, HTTP_TIMEOUT_MS, JWKS_SIZE_LIMIT))
                    .cache(properties.jwksCacheTtl().toMillis(), HTTP_TIMEOUT_MS * 2L)
                    .refreshAheadCache(false)
                    .rateLimited(properties.jwksRefreshMinInterval().toMillis())
                    .retrying(false)
                    .outageTolerant(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + url, e);
        }
    }
}
