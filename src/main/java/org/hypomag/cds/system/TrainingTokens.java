package org.hypomag.cds.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

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
 * Issue 16.5: the image's training start answers its calls in the production security mode (JWT on), so the AOT
 * cache holds the classes and profiles of token verification too. Run once, before that start, in the image build
 * only (Dockerfile):
 *
 * <pre>
 * java -cp app.jar org.hypomag.cds.system.TrainingTokens DIR ISS AUD_BASE COUNT
 * </pre>
 * It makes a throwaway P-384 key in memory, writes its public JWKS to DIR/jwks.json (the training start trusts
 * it for ISS, and only that start) and COUNT ES384 tokens, one a line, to DIR/tokens.txt: each with its own
 * jti, valid 10 minutes, {@code aud} = every hook service's URL under AUD_BASE (the start's public base URL). The
 * private key is never written: nothing can sign for this issuer once the command ends.
 */
public final class TrainingTokens {

    static final List<String> SERVICES = List.of("hypomagnesemia-patient-view", "hypomagnesemia-order-select",
            "hypomagnesemia-order-sign");
    private static final long VALID_SECONDS = 600;
    private static final int MAX_COUNT = 100;

    private TrainingTokens() {
    }

    public static void main(String[] args) throws IOException, JOSEException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: TrainingTokens DIR ISS AUD_BASE COUNT");
        }
        int count = Integer.parseInt(args[3]);
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("COUNT must be 1.." + MAX_COUNT);
        }
        write(Path.of(args[0]), args[1], args[2], count, Instant.now());
    }

    static void write(Path dir, String iss, String audBase, int count, Instant now) throws IOException, JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_384).keyID("training-" + UUID.randomUUID()).generate();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        ECDSASigner signer = new ECDSASigner(key);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build();
        List<String> aud = new ArrayList<>(List.of(audBase + "/cds-services")); // discovery needs a token too
        SERVICES.forEach(s -> aud.add(audBase + "/cds-services/" + s));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).subject("training").audience(aud)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(VALID_SECONDS)))
                    .jwtID(UUID.randomUUID().toString()).build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            tokens.add(jwt.serialize());
        }
        Files.write(dir.resolve("tokens.txt"), tokens);
    }
}
