package org.hypomag.cds.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The Nimbus verifier for one public key. EC signatures (ES384/ES256) are checked with BouncyCastle's ECDSA
 * engine ({@link BouncyCastleEcdsa}: that engine alone, not BouncyCastle's whole provider), handed to Nimbus
 * through the verifier's own JCA context and never registered JVM-wide, on the key in BouncyCastle's own form:
 * BouncyCastle then keeps its precomputed multiples of the key's point between verifications (with the JDK's key
 * object it converts the key on every call and precomputes again). CPU per P-384 verification on this project's
 * machine: JDK provider about 2.4 ms, BouncyCastle with the JDK key object about 0.7 ms, with its own key object
 * about 0.27 ms (issue 16, bench {@code JwtBenchmark}). RSA keys keep the JDK's provider (about 0.06 ms).
 * Verifiers are thread-safe and kept per key (by the key's value, so a rotated key gets its own), at most
 * {@link #MAX_KEYS}.
 */
final class SignatureVerifiers {

    static final int MAX_KEYS = 256;
    private static final int MIN_RSA_BITS = 2048;

    private final Cache<JWK, Optional<JWSVerifier>> byKey = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();

    /** The verifier for this public key, or empty for a key that may not verify (RSA under 2048 bits, other types). */
    Optional<JWSVerifier> forKey(JWK key) {
        return byKey.get(key, SignatureVerifiers::create);
    }

    /** The provider behind the EC verifiers (tests and the benchmark). */
    static Provider ecProvider() {
        return Ec.PROVIDER;
    }

    /** Made on first use (first EC key or {@link SignatureWarmup}), not when a verifier set is created. */
    private static final class Ec {
        static final Provider PROVIDER = new BouncyCastleEcdsa();
    }

    private static Optional<JWSVerifier> create(JWK key) {
        try {
            if (key instanceof ECKey ec) {
                ECDSAVerifier verifier = new ECDSAVerifier(inBouncyCastleForm(ec));
                verifier.getJCAContext().setProvider(Ec.PROVIDER);
                return Optional.of(verifier);
            }
            if (key instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
                return Optional.of(new RSASSAVerifier(rsa));
            }
        } catch (JOSEException | GeneralSecurityException e) {
            // a key Nimbus cannot use (e.g. an unsupported curve): it verifies nothing
        }
        return Optional.empty();
    }

    private static ECPublicKey inBouncyCastleForm(ECKey ec) throws JOSEException, GeneralSecurityException {
        byte[] encoded = ec.toECPublicKey().getEncoded();
        return (ECPublicKey) KeyFactory.getInstance("EC", Ec.PROVIDER).generatePublic(new X509EncodedKeySpec(encoded));
    }
}
