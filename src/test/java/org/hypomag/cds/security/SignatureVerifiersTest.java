package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Security;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which provider checks which signature (issue 16): BouncyCastle's ECDSA engine alone for EC keys (every curve JOSE
 * names), the JDK for RSA; BouncyCastle is never installed JVM-wide.
 */
class SignatureVerifiersTest {

    private static final TestIssuer EHR = new TestIssuer("https://ehr.example.org");
    private final SignatureVerifiers verifiers = new SignatureVerifiers();

    @Test
    void ecKey_isVerifiedWithBouncyCastle_notRegisteredJvmWide() throws Exception {
        JWSVerifier verifier = verifiers.forKey(EHR.ecKey().toPublicJWK()).orElseThrow();

        assertThat(verifier).isInstanceOf(ECDSAVerifier.class);
        assertThat(verifier.getJCAContext().getProvider()).isInstanceOf(BouncyCastleEcdsa.class);
        assertThat(verifier.getJCAContext().getProvider().getService("Signature", "SHA384withECDSA").getClassName())
                .isEqualTo("org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$ecDSA384");
        assertThat(((ECDSAVerifier) verifier).getPublicKey().getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(SignedJWT.parse(EHR.token("https://cds.example.org/x", Instant.now()).sign()).verify(verifier)).isTrue();
        assertThat(Security.getProvider("BC")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"P-256, ES256", "P-384, ES384", "P-521, ES512"})
    void everyEcCurve_verifiesItsOwnSignature_andRefusesATamperedOne(String curve, String alg) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.parse(curve)).keyID("k").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg)).keyID("k").build(),
                new JWTClaimsSet.Builder().subject("s").build());
        jwt.sign(new ECDSASigner(key));
        JWSVerifier verifier = verifiers.forKey(key.toPublicJWK()).orElseThrow();
        String[] parts = jwt.serialize().split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode("{\"sub\":\"t\"}") + "." + parts[2];

        assertThat(SignedJWT.parse(jwt.serialize()).verify(verifier)).isTrue();
        assertThat(SignedJWT.parse(tampered).verify(verifier)).isFalse();
    }

    @Test
    void warmUp_checksItsTokenThroughTheSameVerifiers_andATamperedCopyFails() throws Exception {
        assertThat(SignatureWarmup.run()).isTrue();
        String tampered = SignatureWarmup.TOKEN.replace("eyJzdWIiOiJ3YXJtLXVwIn0",
                Base64URL.encode("{\"sub\":\"other\"}").toString());
        JWSVerifier verifier = verifiers.forKey(ECKey.parse(SignatureWarmup.KEY)).orElseThrow();

        assertThat(SignedJWT.parse(SignatureWarmup.TOKEN).verify(verifier)).isTrue();
        assertThat(SignedJWT.parse(tampered).verify(verifier)).isFalse();
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
