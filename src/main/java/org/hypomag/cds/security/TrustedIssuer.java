package org.hypomag.cds.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * One trusted EHR at run time: its accepted algorithms, optional tenant, and where its public keys come
 * from. Keys are looked up in the configured JWKS (file or URL) first, then at the token's jku, which must
 * be on this issuer's allowlist.
 *
 * @param iss           the exact {@code iss}
 * @param algorithms    accepted {@code alg} values (never none or HS*)
 * @param tenant        the required tenant claim, or null
 * @param configuredKeys the keys from jwksFile or jwksUrl, or null when only jku URLs are trusted
 * @param jkuKeys       a cached, rate-limited key source per allowlisted jku URL
 */
record TrustedIssuer(String iss, Set<JWSAlgorithm> algorithms, String tenant,
                     JWKSource<SecurityContext> configuredKeys, Map<String, JWKSource<SecurityContext>> jkuKeys) {

    TrustedIssuer {
        algorithms = Set.copyOf(algorithms);
        jkuKeys = Map.copyOf(jkuKeys);
        if (algorithms.stream().anyMatch(a -> !SecurityProperties.CONFIGURABLE_ALGORITHMS.contains(a.getName()))) {
            throw new IllegalArgumentException("issuer " + iss + " lists a refused algorithm");
        }
    }

    boolean allowsJku(URI jku) {
        return jku != null && jkuKeys.containsKey(jku.toString());
    }

    /**
     * The public keys that may have signed a token with this header: same kid, key type and curve for the
     * alg, use "sig" or unset, key alg equal or unset. Looking up an unknown kid in a URL source refetches
     * it once (rate-limited).
     */
    List<JWK> keysFor(JWSHeader header) throws KeySourceException {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        List<JWK> keys = configuredKeys == null ? List.of() : configuredKeys.get(selector, null);
        URI jku = header.getJWKURL();
        if (keys.isEmpty() && allowsJku(jku)) {
            keys = jkuKeys.get(jku.toString()).get(selector, null);
        }
        return keys.stream().map(JWK::toPublicJWK).filter(java.util.Objects::nonNull).toList();
    }
}
