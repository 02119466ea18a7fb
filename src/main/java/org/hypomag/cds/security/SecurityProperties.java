package org.hypomag.cds.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call this service ({@code cds.security.*}). Holds no secret: issuers are public keys (JWKS) and
 * URLs, so {@code toString} is safe to print. Every invariant is a Bean Validation constraint here (checked at
 * binding, {@code @Validated}), so a wrong configuration stops the start instead of weakening the checks; each
 * default is set once, in the compact constructor.
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
        Mode mode,
        String publicBaseUrl,
        @DurationMin(seconds = 0) @DurationMax(minutes = 5) Duration clockSkew,
        @DurationMin(millis = 0, inclusive = false) @DurationMax(hours = 24) Duration maxTokenLifetime,
        @DefaultValue("100000") @Positive int replayCacheSize,
        @DefaultValue("true") boolean requireTyp,
        @DurationMin(millis = 0, inclusive = false) Duration jwksCacheTtl,
        @DurationMin(millis = 0, inclusive = false) Duration jwksRefreshMinInterval,
        List<@Valid Issuer> issuers,
        List<@Valid FhirServer> demoFhirServers) {

    /** Algorithms an issuer may be configured with; everything else (none, HS*, ...) is refused. */
    public static final Set<String> CONFIGURABLE_ALGORITHMS = Set.of("ES384", "RS384", "ES256", "RS256");
    private static final String URL = "must be an absolute http(s) URL without user info, query or fragment";

    /** Each default is given here, once (null: not configured); the constraints above check the result. */
    public SecurityProperties {
        mode = mode == null ? Mode.JWT : mode;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.strip().replaceAll("/+$", "");
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        maxTokenLifetime = maxTokenLifetime == null ? Duration.ofHours(1) : maxTokenLifetime;
        jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(5) : jwksCacheTtl;
        jwksRefreshMinInterval = jwksRefreshMinInterval == null ? Duration.ofSeconds(30) : jwksRefreshMinInterval;
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        demoFhirServers = demoFhirServers == null ? List.of() : List.copyOf(demoFhirServers);
    }

    @AssertTrue(message = "cds.security.public-base-url " + URL)
    boolean isPublicBaseUrlValid() {
        return publicBaseUrl == null || Urls.parseHttpUrl(publicBaseUrl).isPresent();
    }

    @AssertTrue(message = "cds.security.issuers: each iss may appear only once")
    boolean isEachIssuerOnce() {
        return issuers.stream().map(Issuer::iss).distinct().count() == issuers.size();
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
    public record Issuer(@NotBlank(message = "cds.security.issuers[].iss is required") String iss, String jwksFile,
                         String jwksUrl, List<String> jkuAllowlist,
                         List<@Pattern(regexp = "ES384|RS384|ES256|RS256", message = "'${validatedValue}' is not "
                                 + "accepted (allowed: ES384, RS384, ES256, RS256; none and HS* never)") String> algorithms,
                         String tenant, List<@Valid FhirServer> fhirServers) {

        public Issuer {
            jwksFile = blankToNull(jwksFile);
            jwksUrl = blankToNull(jwksUrl);
            jkuAllowlist = jkuAllowlist == null ? List.of() : jkuAllowlist.stream().map(String::strip).toList();
            algorithms = algorithms == null || algorithms.isEmpty() ? List.of("ES384", "RS384")
                    : algorithms.stream().map(String::strip).toList();
            tenant = blankToNull(tenant);
            fhirServers = fhirServers == null ? List.of() : List.copyOf(fhirServers);
        }

        @AssertTrue(message = "give jwks-file or jwks-url, not both")
        boolean isOneKeySource() {
            return jwksFile == null || jwksUrl == null;
        }

        @AssertTrue(message = "needs keys: jwks-file, jwks-url or a jku-allowlist")
        boolean isKeyed() {
            return jwksFile != null || jwksUrl != null || !jkuAllowlist.isEmpty();
        }

        @AssertTrue(message = "jwks-url and jku-allowlist must use https (http only for loopback hosts)")
        boolean isKeyUrlsSecure() {
            return (jwksUrl == null || Urls.isHttpsOrLoopback(jwksUrl))
                    && jkuAllowlist.stream().allMatch(Urls::isHttpsOrLoopback);
        }
    }

    /**
     * A FHIR server base allowed as {@code fhirServer}: matches the same scheme, host and port, and a path
     * equal to this one or below it (at a '/' boundary).
     *
     * @param url       e.g. {@code https://fhir.example.org/r4}
     * @param allowHttp whether an access token may be sent to it over plain http (local testing only)
     */
    public record FhirServer(@NotBlank(message = "cds.security fhir-servers[].url is required") String url,
                             boolean allowHttp) {

        public FhirServer {
            url = url == null ? null : url.strip();
        }

        @AssertTrue(message = "cds.security fhir-servers[].url " + URL)
        boolean isUrlValid() {
            return url == null || Urls.parseHttpUrl(url).isPresent();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
