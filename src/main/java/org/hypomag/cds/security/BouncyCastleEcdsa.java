package org.hypomag.cds.security;

import java.security.Provider;

import org.bouncycastle.jcajce.provider.asymmetric.ec.KeyFactorySpi;
import org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi;

/**
 * BouncyCastle's ECDSA signature and EC key factory, and nothing else, as a JCA provider for Nimbus's JCA
 * context. {@code new BouncyCastleProvider()} registers every algorithm BouncyCastle has and loads ~830 classes
 * doing so; its jar is signed, so none of them can be kept in Java 25's AOT cache and every start loaded them
 * again (issue 16.5). This provider hands out the same BouncyCastle engines ({@code SignatureSpi.ecDSA256/384/512},
 * {@code KeyFactorySpi.EC}), so only the classes of an ECDSA check are loaded, on first use.
 * Never registered JVM-wide.
 */
final class BouncyCastleEcdsa extends Provider {

    private static final long serialVersionUID = 1L;

    BouncyCastleEcdsa() {
        super("HypomagBouncyCastleEcdsa", "1.0", "BouncyCastle ECDSA (SHA-256/384/512) and the EC key factory");
        engine("Signature", "SHA256withECDSA", SignatureSpi.ecDSA256.class);
        engine("Signature", "SHA384withECDSA", SignatureSpi.ecDSA384.class);
        engine("Signature", "SHA512withECDSA", SignatureSpi.ecDSA512.class);
        engine("KeyFactory", "EC", KeyFactorySpi.EC.class);
    }

    /*
     * The JCA builds each engine from its class name (public no-argument constructor). No lambda or method
     * reference to a BouncyCastle class here: Java 25's AOT cache skips the classes of a signed jar, and an
     * archived lambda pointing at one crashed the cache's assembly (Temurin 25.0.3, archiveHeapWriter.cpp:757).
     */
    private void engine(String type, String algorithm, Class<?> spi) {
        putService(new Service(this, type, algorithm, spi.getName(), null, null));
    }
}
