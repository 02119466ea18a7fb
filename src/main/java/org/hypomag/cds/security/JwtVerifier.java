package org.hypomag.cds.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks a CDS Hooks client JWT (2.0.1 §Security): header (alg allowed for the issuer, never none/HS*;
 * typ JWT; kid; jku allowlisted), claims in the spec's best-practice order (iss trusted → aud = called URL
 * → exp/iat/nbf with skew, bounded lifetime → jti present → tenant), then the signature against the
 * issuer's key by kid ({@link SignatureVerifiers}: BouncyCastle for EC keys), and last the replay memory (only signed tokens enter it).
 */
final class JwtVerifier {

    /** Longest jti accepted (issue 12.3): the replay memory holds every jti until its token expires. */
    static final int MAX_JTI_CHARS = 256;

    private final TrustedIssuers issuers;
    private final ReplayCache replays;
    private final Clock clock;
    private final Duration skew;
    private final Duration maxLifetime;
    private final boolean requireTyp;
    private final SignatureVerifiers verifiers = new SignatureVerifiers();

    /** @param clock the security clock: the real one, never the pinned clinical clock (issue 19.17) */
    JwtVerifier(TrustedIssuers issuers, ReplayCache replays, Clock clock, SecurityProperties properties) {
        this.issuers = issuers;
        this.replays = replays;
        this.clock = clock;
        this.skew = properties.clockSkew();
        this.maxLifetime = properties.maxTokenLifetime();
        this.requireTyp = properties.requireTyp();
        if (properties.mode() == SecurityProperties.Mode.JWT) {
            SignatureWarmup.startOnce(); // demo mode checks no signature: nothing to load
        }
    }

    /** The verified caller; throws with a log-safe reason on any failed check. */
    CallerIdentity verify(String token, String expectedAudience) throws InvalidTokenException, ReplayCapacityException {
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        check(alg != null && !JWSAlgorithm.Family.HMAC_SHA.contains(alg) && !"none".equalsIgnoreCase(alg.getName()),
                "refused algorithm");
        check(typOk(header.getType()), "typ is not JWT");
        check(header.getKeyID() != null && !header.getKeyID().isBlank(), "no kid");
        JWTClaimsSet claims = claims(jwt);
        TrustedIssuer issuer = issuers.find(claims.getIssuer()).orElseThrow(() -> fail("unknown issuer"));
        check(issuer.algorithms().contains(alg), "algorithm not accepted for this issuer");
        check(header.getJWKURL() == null || issuer.allowsJku(header.getJWKURL()), "jku not allowlisted");
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(expectedAudience)) {
            throw new AudienceMismatch(aud);
        }
        Instant now = clock.instant();
        Instant exp = instant(claims.getExpirationTime(), "no exp");
        Instant iat = instant(claims.getIssueTime(), "no iat");
        check(!now.isAfter(exp.plus(skew)), "expired");
        check(!iat.isAfter(now.plus(skew)), "iat in the future");
        check(claims.getNotBeforeTime() == null || !claims.getNotBeforeTime().toInstant().isAfter(now.plus(skew)),
                "not yet valid (nbf)");
        check(Duration.between(iat, exp).compareTo(maxLifetime) <= 0, "lifetime over the maximum");
        String jti = claims.getJWTID();
        check(jti != null && !jti.isBlank(), "no jti");
        check(jti.length() <= MAX_JTI_CHARS, "jti longer than " + MAX_JTI_CHARS + " characters");
        String tenant = stringClaim(claims, "tenant");
        check(issuer.tenant() == null || issuer.tenant().equals(tenant), "tenant not accepted");
        check(signatureValid(jwt, issuer), "bad signature or unknown kid");
        // remembered until the token's own expiry, never longer than the max lifetime allows
        Instant until = exp.plus(skew);
        Instant latest = now.plus(maxLifetime).plus(skew).plus(skew);
        ReplayCache.Outcome use = replays.use(issuer.iss(), jti, until.isAfter(latest) ? latest : until);
        if (use == ReplayCache.Outcome.FULL) {
            throw new ReplayCapacityException(replays.retryAfter(issuer.iss()));
        }
        check(use == ReplayCache.Outcome.FIRST_USE, "replayed jti");
        return new CallerIdentity(issuer.iss(), tenant, false);
    }

    /** aud is not the called URL; carries the received aud (not a secret) for a WARN log (issue 12.5). */
    static final class AudienceMismatch extends InvalidTokenException {
        private final List<String> received;

        AudienceMismatch(List<String> received) {
            super("aud is not the called URL");
            this.received = received == null ? List.of() : List.copyOf(received);
        }

        List<String> received() {
            return received;
        }
    }

    private boolean typOk(JOSEObjectType typ) {
        if (typ == null) {
            return !requireTyp;
        }
        String t = typ.getType().toLowerCase(Locale.ROOT);
        return t.equals("jwt") || t.equals("application/jwt");
    }

    private boolean signatureValid(SignedJWT jwt, TrustedIssuer issuer) throws InvalidTokenException {
        List<JWK> keys;
        try {
            keys = issuer.keysFor(jwt.getHeader());
        } catch (KeySourceException e) {
            throw fail("issuer keys unavailable (" + e.getClass().getSimpleName() + ")");
        }
        for (JWK key : keys) {
            Optional<JWSVerifier> verifier = verifiers.forKey(key);
            try {
                if (verifier.isPresent() && jwt.verify(verifier.get())) {
                    return true;
                }
            } catch (JOSEException e) {
                // a key that cannot verify this alg: try the next one
            }
        }
        return false;
    }

    private static SignedJWT parse(String token) throws InvalidTokenException {
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof SignedJWT signed) {
                return signed;
            }
            throw fail("not a signed JWT");
        } catch (ParseException e) {
            throw fail("unparseable JWT");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws InvalidTokenException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw fail("unparseable claims");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws InvalidTokenException {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw fail(name + " is not a string");
        }
    }

    private static Instant instant(Date date, String reason) throws InvalidTokenException {
        check(date != null, reason);
        return date.toInstant();
    }

    private static void check(boolean ok, String reason) throws InvalidTokenException {
        if (!ok) {
            throw fail(reason);
        }
    }

    private static InvalidTokenException fail(String reason) {
        return new InvalidTokenException(reason);
    }
}
