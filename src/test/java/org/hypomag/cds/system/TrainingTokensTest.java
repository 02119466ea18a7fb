package org.hypomag.cds.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTokensTest {

    @TempDir
    Path dir;

    @Test
    void writesAPublicOnlyJwksAndOneSingleUseTokenPerLine_validTenMinutes_forEveryHookService() throws Exception {
        Instant now = Instant.parse("2026-12-07T21:00:00Z");
        TrainingTokens.write(dir, "https://training.invalid", "http://training.invalid", 3, now);

        JWKSet jwks = JWKSet.parse(Files.readString(dir.resolve("jwks.json")));
        assertThat(jwks.getKeys()).hasSize(1);
        ECKey key = (ECKey) jwks.getKeys().get(0);
        assertThat(key.isPrivate()).isFalse();
        assertThat(Files.readString(dir.resolve("jwks.json"))).doesNotContain("\"d\"");

        List<String> lines = Files.readAllLines(dir.resolve("tokens.txt"));
        assertThat(lines).hasSize(3);
        Set<String> jtis = new HashSet<>();
        for (String line : lines) {
            SignedJWT jwt = SignedJWT.parse(line);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
            assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo("https://training.invalid");
            assertThat(claims.getAudience()).containsExactly("http://training.invalid/cds-services",
                    "http://training.invalid/cds-services/hypomagnesemia-patient-view",
                    "http://training.invalid/cds-services/hypomagnesemia-order-select",
                    "http://training.invalid/cds-services/hypomagnesemia-order-sign");
            assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
            assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(600));
            jtis.add(claims.getJWTID());
        }
        assertThat(jtis).hasSize(3);
    }

    @Test
    void refusesACountOutsideItsBound() {
        assertThatThrownBy(() -> TrainingTokens.main(new String[] {dir.toString(), "i", "http://a", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingTokens.main(new String[] {dir.toString(), "i", "http://a", "101"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingTokens.main(new String[] {dir.toString(), "i"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
