package org.hypomag.cds.security;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code cds.jwt.rejections} (reason): why the filter refused a call, as an internal reason code for operations.
 * The client's answer stays the generic 401 (or 503/403); only this counter and the server log tell which check
 * failed. The codes are a closed set read from the verifier's fixed reasons; a reason not listed is
 * {@code other}. Never a claim value, an issuer or a token.
 */
final class JwtRejections {

    /** The internal reason codes (lowercase on the label). */
    enum Reason {
        MISSING_TOKEN, MALFORMED, ALGORITHM, TYP, KID, UNKNOWN_ISSUER, JKU, AUDIENCE, EXPIRED, NOT_YET_VALID,
        LIFETIME, MISSING_CLAIM, JTI, TENANT, SIGNATURE, KEYS_UNAVAILABLE, REPLAYED, REPLAY_MEMORY_FULL, DEMO_NOT_LOOPBACK, OTHER;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** No meters: for the filter's tests and contexts without a registry. */
    static final JwtRejections NONE = new JwtRejections(null);

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    JwtRejections(MeterRegistry registry) {
        if (registry != null) {
            for (Reason r : Reason.values()) {
                counters.put(r, Counter.builder("cds.jwt.rejections")
                        .description("Calls to /cds-services refused by the JWT filter, by internal reason")
                        .tag("reason", r.label()).register(registry));
            }
        }
    }

    void count(Reason reason) {
        Counter c = counters.get(reason);
        if (c != null) {
            c.increment();
        }
    }

    /** The reason code of a verifier failure, from its fixed message. */
    static Reason of(InvalidTokenException e) {
        if (e instanceof JwtVerifier.AudienceMismatch) {
            return Reason.AUDIENCE;
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith("unparseable") || m.startsWith("not a signed") || m.endsWith("is not a string")) {
            return Reason.MALFORMED;
        }
        if (m.contains("algorithm")) {
            return Reason.ALGORITHM;
        }
        if (m.startsWith("typ")) {
            return Reason.TYP;
        }
        if (m.equals("no kid")) {
            return Reason.KID;
        }
        if (m.equals("unknown issuer")) {
            return Reason.UNKNOWN_ISSUER;
        }
        if (m.startsWith("jku")) {
            return Reason.JKU;
        }
        if (m.equals("no exp") || m.equals("no iat")) {
            return Reason.MISSING_CLAIM;
        }
        if (m.equals("expired")) {
            return Reason.EXPIRED;
        }
        if (m.startsWith("iat") || m.startsWith("not yet valid")) {
            return Reason.NOT_YET_VALID;
        }
        if (m.startsWith("lifetime")) {
            return Reason.LIFETIME;
        }
        if (m.startsWith("replayed")) {
            return Reason.REPLAYED;
        }
        if (m.contains("jti")) {
            return Reason.JTI;
        }
        if (m.startsWith("tenant")) {
            return Reason.TENANT;
        }
        if (m.startsWith("bad signature")) {
            return Reason.SIGNATURE;
        }
        if (m.startsWith("issuer keys unavailable")) {
            return Reason.KEYS_UNAVAILABLE;
        }
        return Reason.OTHER;
    }
}
