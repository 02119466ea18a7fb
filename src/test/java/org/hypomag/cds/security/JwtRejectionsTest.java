package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Each fixed reason of the verifier maps to its own internal code; the counter starts at 0 for every code. */
class JwtRejectionsTest {

    @Test
    void everyVerifierReason_hasItsCode_noneFallsToOther() {
        Map<String, JwtRejections.Reason> expected = Map.ofEntries(
                Map.entry("unparseable JWT", JwtRejections.Reason.MALFORMED),
                Map.entry("not a signed JWT", JwtRejections.Reason.MALFORMED),
                Map.entry("unparseable claims", JwtRejections.Reason.MALFORMED),
                Map.entry("tenant is not a string", JwtRejections.Reason.MALFORMED),
                Map.entry("refused algorithm", JwtRejections.Reason.ALGORITHM),
                Map.entry("algorithm not accepted for this issuer", JwtRejections.Reason.ALGORITHM),
                Map.entry("typ is not JWT", JwtRejections.Reason.TYP),
                Map.entry("no kid", JwtRejections.Reason.KID),
                Map.entry("unknown issuer", JwtRejections.Reason.UNKNOWN_ISSUER),
                Map.entry("jku not allowlisted", JwtRejections.Reason.JKU),
                Map.entry("no exp", JwtRejections.Reason.MISSING_CLAIM),
                Map.entry("no iat", JwtRejections.Reason.MISSING_CLAIM),
                Map.entry("expired", JwtRejections.Reason.EXPIRED),
                Map.entry("iat in the future", JwtRejections.Reason.NOT_YET_VALID),
                Map.entry("not yet valid (nbf)", JwtRejections.Reason.NOT_YET_VALID),
                Map.entry("lifetime over the maximum", JwtRejections.Reason.LIFETIME),
                Map.entry("no jti", JwtRejections.Reason.JTI),
                Map.entry("jti longer than 256 characters", JwtRejections.Reason.JTI),
                Map.entry("tenant not accepted", JwtRejections.Reason.TENANT),
                Map.entry("bad signature or unknown kid", JwtRejections.Reason.SIGNATURE),
                Map.entry("issuer keys unavailable (KeySourceException)", JwtRejections.Reason.KEYS_UNAVAILABLE),
                Map.entry("replayed jti", JwtRejections.Reason.REPLAYED));
        expected.forEach((message, reason) ->
                assertThat(JwtRejections.of(new InvalidTokenException(message))).as(message).isEqualTo(reason));
        assertThat(JwtRejections.of(new JwtVerifier.AudienceMismatch(List.of("https://x")))).isEqualTo(
                JwtRejections.Reason.AUDIENCE);
        assertThat(JwtRejections.of(new InvalidTokenException("something new"))).isEqualTo(JwtRejections.Reason.OTHER);
    }

    @Test
    void counters_registeredAtZero_countedByCode() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JwtRejections rejections = new JwtRejections(registry);
        assertThat(registry.find("cds.jwt.rejections").counters()).hasSize(JwtRejections.Reason.values().length);
        rejections.count(JwtRejections.Reason.EXPIRED);
        rejections.count(JwtRejections.Reason.EXPIRED);
        assertThat(registry.get("cds.jwt.rejections").tag("reason", "expired").counter().count()).isEqualTo(2);
        assertThat(registry.get("cds.jwt.rejections").tag("reason", "signature").counter().count()).isZero();
        JwtRejections.NONE.count(JwtRejections.Reason.EXPIRED); // no registry: nothing to count, no failure
    }
}
