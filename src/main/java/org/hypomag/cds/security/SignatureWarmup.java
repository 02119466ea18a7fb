package org.hypomag.cds.security;

import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one ES384 signature of a throwaway key on a background thread when the JWT mode starts, so the first
 * real call does not load BouncyCastle's EC classes (~450: curve tables, ASN.1, field arithmetic). Their jar is
 * signed, which keeps them out of Java 25's AOT cache: without this, the first call of every start paid for
 * loading and verifying them (issue 16.5). Once per JVM; the key is never kept and verifies nothing else.
 */
final class SignatureWarmup {

    private static final Logger log = LoggerFactory.getLogger(SignatureWarmup.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private SignatureWarmup() {
    }

    /** Starts the warm-up unless it has been started in this JVM. */
    static void startOnce() {
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(SignatureWarmup::run, "jwt-verifier-warmup");
            t.setDaemon(true);
            t.start();
        }
    }

    /** One signature made and checked; true when it verified. */
    static boolean run() {
        long t0 = System.nanoTime();
        try {
            ECKey key = new ECKeyGenerator(Curve.P_384).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES384), new JWTClaimsSet.Builder().build());
            jwt.sign(new ECDSASigner(key));
            boolean ok = SignedJWT.parse(jwt.serialize())
                    .verify(new SignatureVerifiers().forKey(key.toPublicJWK()).orElseThrow());
            log.info("JWT signature check warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
            return ok;
        } catch (JOSEException | java.text.ParseException | RuntimeException e) {
            log.warn("JWT signature warm-up failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
