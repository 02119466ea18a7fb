package org.hypomag.cds.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issue 16: pre-signed ES384 tokens for the load scripts (bench/), so that every request of a run carries its
 * own token with a unique {@code jti}, as a real EHR's calls do. Never part of the service or of the tests.
 *
 * <pre>
 * LoadTokens KEY_FILE JWKS_FILE ISS RATE MARGIN_S COUNT AUD=OUT_FILE [AUD=OUT_FILE ...]
 * </pre>
 * The first call writes a fresh P-384 key (private JWK, kid {@code bench-ec-1}) to KEY_FILE and its public JWKS
 * to JWKS_FILE (what the service trusts); later calls reuse the key. For each audience (the URL called) COUNT
 * tokens, one a line: iat now, exp = now + MARGIN_S + the second in which the constant-rate schedule (RATE
 * requests/s over all audiences, round robin) will send the token, typ JWT. So each token's jti stays in
 * the service's replay memory about as long as a real short-lived token's would, not for the whole run; the
 * margin must also cover the time the signing itself takes (a busy machine).
 */
public final class LoadTokens {

    private LoadTokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: LoadTokens KEY_FILE JWKS_FILE ISS RATE MARGIN_S COUNT AUD=FILE...");
        }
        ECKey key = key(Path.of(args[0]), Path.of(args[1]));
        String iss = args[2];
        double rate = Double.parseDouble(args[3]);
        long margin = Long.parseLong(args[4]);
        int count = Integer.parseInt(args[5]);
        int audiences = args.length - 6;
        ECDSASigner signer = new ECDSASigner(key);
        signer.getJCAContext().setProvider(SignatureVerifiers.ecProvider()); // BouncyCastle: ~5x faster to sign
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        long now = Instant.now().getEpochSecond();
        for (int a = 6; a < args.length; a++) {
            String aud = args[a].substring(0, args[a].lastIndexOf('='));
            Path out = Path.of(args[a].substring(args[a].lastIndexOf('=') + 1));
            List<String> tokens = IntStream.range(0, count).parallel()
                    .mapToObj(i -> sign(signer, header, iss, aud, now, now + margin + (long) (i * audiences / rate)))
                    .toList();
            Files.write(out, new ArrayList<>(tokens));
        }
    }

    private static String sign(ECDSASigner signer, JWSHeader header, String iss, String aud, long iat, long exp) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).audience(aud).issueTime(new java.util.Date(iat * 1000))
                .expirationTime(new java.util.Date(exp * 1000)).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static ECKey key(Path keyFile, Path jwksFile) throws IOException, JOSEException, java.text.ParseException {
        if (!Files.exists(keyFile)) {
            ECKey fresh = new ECKeyGenerator(Curve.P_384).keyID("bench-ec-1").generate();
            Files.writeString(keyFile, fresh.toJSONString());
            Files.writeString(jwksFile, new JWKSet(fresh.toPublicJWK()).toString());
        }
        return ECKey.parse(Files.readString(keyFile));
    }
}
