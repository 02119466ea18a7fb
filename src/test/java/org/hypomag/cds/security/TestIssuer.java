package org.hypomag.cds.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * A test EHR: fresh ES384 (P-384) and RS384 (2048-bit RSA) key pairs, its public JWKS as a file, and a
 * token factory. Public so protocol tests elsewhere can sign their calls:
 * {@code issuer.properties(...)} gives the {@code cds.security.*} entries that trust it.
 */
public final class TestIssuer {

    public static final String EC_KID = "test-ec-1";
    public static final String RSA_KID = "test-rsa-1";

    private final String iss;
    private final ECKey ec;
    private final RSAKey rsa;

    public TestIssuer(String iss) {
        this.iss = iss;
        try {
            this.ec = new ECKeyGenerator(Curve.P_384).keyID(EC_KID).generate();
            this.rsa = new RSAKeyGenerator(2048).keyID(RSA_KID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String iss() {
        return iss;
    }

    public ECKey ecKey() {
        return ec;
    }

    public RSAKey rsaKey() {
        return rsa;
    }

    /** The public JWKS (both keys). */
    public JWKSet publicJwks() {
        return new JWKSet(java.util.List.of(ec.toPublicJWK(), rsa.toPublicJWK()));
    }

    /** Writes the public JWKS to {@code dir/<name>} and returns its path. */
    public Path writeJwks(Path dir, String name) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, publicJwks().toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ES384 token for {@code aud}, issued at {@code now}, valid 5 minutes, fresh jti, typ JWT. */
    public TokenBuilder token(String aud, Instant now) {
        return new TokenBuilder(this).alg(JWSAlgorithm.ES384).kid(EC_KID)
                .claim("iss", iss).claim("aud", aud).claim("iat", now.getEpochSecond())
                .claim("exp", now.plusSeconds(300).getEpochSecond()).claim("jti", UUID.randomUUID().toString());
    }

    /** The same with RS384 and the RSA key. */
    public TokenBuilder rsaToken(String aud, Instant now) {
        return token(aud, now).alg(JWSAlgorithm.RS384).kid(RSA_KID);
    }
}
