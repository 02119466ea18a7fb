package org.hypomag.cds.security;

import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one ES384 signature on a background thread when the JWT mode starts, so the first real call does not load
 * BouncyCastle's EC classes (~450: curve tables, ASN.1, field arithmetic). Their jar is signed, which keeps them out
 * of Java 25's AOT cache: without this, the first call of every start paid for loading and verifying them (issue
 * 16.5). The token and its public key below were made once for this purpose (the private key was never kept);
 * nothing here is trusted: the check goes through {@link SignatureVerifiers} alone, never through an issuer.
 * Once per JVM.
 */
final class SignatureWarmup {

    /** A P-384 public key whose private half no longer exists. */
    static final String KEY = "{\"kty\":\"EC\",\"crv\":\"P-384\","
            + "\"x\":\"sQupJ2vvzkAMVaYz96Kumj4h2kjV70vB9rwLiXepvq0AsvKlRtRRnUGxjc1lWg3C\","
            + "\"y\":\"zEsUq0yRhrO6-fnHxR6V2T2zPJjZmPrTC7yHhvh2u0B_2YL3LCx9Pjai-sSuEDQA\"}";
    /** An ES384 token signed by that key ({"sub":"warm-up"}, no expiry: it is only ever checked here). */
    static final String TOKEN = "eyJhbGciOiJFUzM4NCJ9.eyJzdWIiOiJ3YXJtLXVwIn0."
            + "_g1pg88_zOph1DDCz7cp2UdT72l6nLyghgnJK4J32QDfz2hBUPpbq5NT5kbzRbmj"
            + "8gBnCtWNy3APqo7jeO2UTfyN7vgAF5qTH3hfSsZxl4BxtaamHXk1J8y4SI_tjKtF";

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

    /** The token checked against its key; true when it verified. */
    static boolean run() {
        long t0 = System.nanoTime();
        try {
            boolean ok = SignedJWT.parse(TOKEN)
                    .verify(new SignatureVerifiers().forKey(ECKey.parse(KEY)).orElseThrow());
            log.info("JWT signature check warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
            return ok;
        } catch (JOSEException | java.text.ParseException | RuntimeException e) {
            log.warn("JWT signature warm-up failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
