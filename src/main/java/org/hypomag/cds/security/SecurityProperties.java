package org.hypomag.cds.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call this service ({@code cds.security.*}). Holds no secret: issuers are public keys (JWKS) and
 * URLs, so {@code toString} is safe to print. Every invariant is checked here, so a wrong configuration
 * stops the start instead of weakening the checks.
 *
 * @param mode                    {@code jwt} (default): every call needs a valid JWT; {@code demo}: no JWT
 *                                needed, for local trials only (set by configuration, never by a request)
 * @param publicBaseUrl           the URL clients use in front of {@code /cds-services}, e.g.
 *                                {@code https://cds.example.org}; {@code aud} must equal it + the request path.
 *                                Unset: derived from the request (Host header), with a warning at start
 * @param clockSkew               tolerance on exp/iat/nbf (0..5 min)
 * @param maxTokenLifetime        longest accepted exp − iat; also bounds the replay memory per token
 * @param replayCacheSize         how many jti are remembered at most
 * @param requireTyp              the spec makes {@code typ: JWT} REQUIRED; false accepts tokens without typ
 * @param jwksCacheTtl            how long keys fetched from a URL (jwksUrl, jku) are cached
 * @param jwksRefreshMinInterval  fetches of one URL are at most this frequent (unknown kid ⇒ one refetch)
 * @param issuers                 the trusted EHRs
 * @param demoFhirServers         FHIR servers allowed in demo mode besides loopback ones
 */
@Validated
@ConfigurationProperties(prefix = "cds.security")
public record SecurityProperties(
        @DefaultValue("jwt") Mode mode,
        String publicBaseUrl,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("1h") Duration maxTokenLifetime,
        @DefaultValue("100000") int replayCacheSize,
        @DefaultValue("true") boolean requireTyp,
        @DefaultValue("5m") Duration jwksCacheTtl,
        @DefaultValue("30s") Duration jwksRefreshMinInterval,
        List<Issuer> issuers,
        List<FhirServer> demoFhirServers) {

    /** Algorithms an issuer may be configured with; everything else (none, HS*, ...) is refused. */
    public static final Set<String> CONFIGURABLE_ALGORITHMS = Set.of("ES384", "RS384", "ES256", "RS256");

    public SecurityProperties {
        mode = mode == null ? Mode.JWT : mode;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : Urls.requireHttpUrl("cds.security.public-base-url", publicBaseUrl.strip().replaceAll("/+$", ""));
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        maxTokenLifetime = maxTokenLifetime == null ? Duration.ofHours(1) : maxTokenLifetime;
        jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(5) : jwksCacheTtl;
        jwksRefreshMinInterval = jwksRefreshMinInterval == null ? Duration.ofSeconds(30) : jwksRefreshMinInterval;
        require(!clockSkew.isNegative() && clockSkew.compareTo(Duration.ofMinutes(5)) <= 0,
                "cds.security.clock-skew must be between 0 and 5 minutes");
        require(positive(maxTokenLifetime) && maxTokenLifetime.compareTo(Duration.ofHours(24)) <= 0,
                "cds.security.max-token-lifetime must be positive and at most 24 hours");
        require(replayCacheSize > 0, "cds.security.replay-cache-size must be positive");
        require(positive(jwksCacheTtl), "cds.security.jwks-cache-ttl must be positive");
        require(positive(jwksRefreshMinInterval), "cds.security.jwks-refresh-min-interval must be positive");
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        demoFhirServers = demoFhirServers == null ? List.of() : List.copyOf(demoFhirServers);
        require(issuers.stream().map(Issuer::iss).distinct().count() == issuers.size(),
                "cds.security.issuers: each iss may appear only once");
    }

    /** Whether calls are authenticated. */
    public enum Mode { JWT, DEMO }

    /**
     * One trusted EHR (JWT issuer).
     *
     * @param iss          the exact {@code iss} claim
     * @param jwksFile     its public keys as a JWKS resource ({@code classpath:...} or {@code file:...}),
     *                     read at start; or
     * @param jwksUrl      its JWKS URL (https), fetched when needed, cached
     * @param jkuAllowlist {@code jku} header values honoured for this issuer (exact match); a token whose
     *                     jku is not listed is refused. Keys are looked up in jwksFile/jwksUrl first,
     *                     then at the token's (allowlisted) jku
     * @param algorithms   accepted {@code alg}: default ES384, RS384; ES256/RS256 only when listed
     * @param tenant       when set, the token's {@code tenant} claim must equal it
     * @param fhirServers  the FHIR servers this EHR may send as {@code fhirServer}
     */
    public record Issuer(String iss, String jwksFile, String jwksUrl, List<String> jkuAllowlist,
                         List<String> algorithms, String tenant, List<FhirServer> fhirServers) {

        public Issuer {
            require(iss != null && !iss.isBlank(), "cds.security.issuers[].iss is required");
            String where = "cds.security.issuers[" + iss + "]";
            jwksFile = blankToNull(jwksFile);
            jwksUrl = jwksUrl == null || jwksUrl.isBlank() ? null : Urls.requireHttpsOrLoopback(where + ".jwks-url", jwksUrl);
            jkuAllowlist = jkuAllowlist == null ? List.of()
                    : jkuAllowlist.stream().map(u -> Urls.requireHttpsOrLoopback(where + ".jku-allowlist", u)).toList();
            require(jwksFile == null || jwksUrl == null, where + ": give jwks-file or jwks-url, not both");
            require(jwksFile != null || jwksUrl != null || !jkuAllowlist.isEmpty(),
                    where + ": needs keys: jwks-file, jwks-url or a jku-allowlist");
            algorithms = algorithms == null || algorithms.isEmpty() ? List.of("ES384", "RS384")
                    : algorithms.stream().map(String::strip).toList();
            for (String alg : algorithms) {
                require(CONFIGURABLE_ALGORITHMS.contains(alg), where + ".algorithms: '" + alg
                        + "' is not accepted (allowed: ES384, RS384, ES256, RS256; none and HS* never)");
            }
            tenant = blankToNull(tenant);
            fhirServers = fhirServers == null ? List.of() : List.copyOf(fhirServers);
        }
    }

    /**
     * A FHIR server base allowed as {@code fhirServer}: matches the same scheme, host and port, and a path
     * equal to this one or below it (at a '/' boundary).
     *
     * @param url       e.g. {@code https://fhir.example.org/r4}
     * @param allowHttp whether an access token may be sent to it over plain http (local testing only)
     */
    public record FhirServer(String url, boolean allowHttp) {

        public FhirServer {
            require(url != null && !url.isBlank(), "cds.security fhir-servers[].url is required");
            url = Urls.requireHttpUrl("cds.security fhir-servers[].url", url.strip());
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
