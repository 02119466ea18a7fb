package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Security;
import java.time.Instant;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

/** Which provider checks which signature (issue 16), and that BouncyCastle is never installed JVM-wide. */
class SignatureVerifiersTest {

    private static final TestIssuer EHR = new TestIssuer("https://ehr.example.org");
    private final SignatureVerifiers verifiers = new SignatureVerifiers();

    @Test
    void ecKey_isVerifiedWithBouncyCastle_notRegisteredJvmWide() throws Exception {
        JWSVerifier verifier = verifiers.forKey(EHR.ecKey().toPublicJWK()).orElseThrow();

        assertThat(verifier).isInstanceOf(ECDSAVerifier.class);
        assertThat(verifier.getJCAContext().getProvider().getName()).isEqualTo("BC");
        assertThat(((ECDSAVerifier) verifier).getPublicKey().getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(SignedJWT.parse(EHR.token("https://cds.example.org/x", Instant.now()).sign()).verify(verifier)).isTrue();
        assertThat(Security.getProvider("BC")).isNull();
    }

    @Test
    void ecSignatureFromAnotherKey_isRefused() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_384).keyID(TestIssuer.EC_KID).generate();
        String token = EHR.token("https://cds.example.org/x", Instant.now()).signWith(other).sign();

        assertThat(SignedJWT.parse(token).verify(verifiers.forKey(EHR.ecKey().toPublicJWK()).orElseThrow())).isFalse();
    }

    @Test
    void rsaKey_keepsTheJdkProvider() throws Exception {
        JWSVerifier verifier = verifiers.forKey(EHR.rsaKey().toPublicJWK()).orElseThrow();

        assertThat(verifier).isInstanceOf(RSASSAVerifier.class);
        assertThat(verifier.getJCAContext().getProvider()).isNull();
        assertThat(SignedJWT.parse(EHR.rsaToken("https://cds.example.org/x", Instant.now()).sign()).verify(verifier)).isTrue();
    }

    @Test
    void rsaKeyUnder2048Bits_getsNoVerifier() throws Exception {
        RSAKey small = new RSAKeyGenerator(1024, true).keyID("small").generate();

        assertThat(verifiers.forKey(small.toPublicJWK())).isEmpty();
    }

    @Test
    void sameKeyValue_getsTheSameVerifier() {
        assertThat(verifiers.forKey(EHR.ecKey().toPublicJWK()).orElseThrow())
                .isSameAs(verifiers.forKey(EHR.ecKey().toPublicJWK()).orElseThrow());
    }
}
