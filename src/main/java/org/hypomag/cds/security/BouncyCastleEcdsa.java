package org.hypomag.cds.security;

import java.security.Provider;
import java.util.function.Supplier;

import org.bouncycastle.jcajce.provider.asymmetric.ec.KeyFactorySpi;
import org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi;

/**
 * BouncyCastle's ECDSA signature and EC key factory, and nothing else, as a JCA provider for Nimbus's JCA
 * context. {@code new BouncyCastleProvider()} registers every algorithm BouncyCastle has and loads ~830 classes
 * doing so; its jar is signed, so none of them can be kept in Java 25's AOT cache and every start loaded them
 * again (issue 16.5). This provider hands out the same BouncyCastle engines ({@code SignatureSpi.ecDSA256/384/512},
 * {@code KeyFactorySpi.EC}) built directly, so only the classes of an ECDSA check are loaded, on first use.
 * Never registered JVM-wide.
 */
final class BouncyCastleEcdsa extends Provider {

    private static final long serialVersionUID = 1L;

    BouncyCastleEcdsa() {
        super("HypomagBouncyCastleEcdsa", "1.0", "BouncyCastle ECDSA (SHA-256/384/512) and the EC key factory");
        engine("Signature", "SHA256withECDSA", SignatureSpi.ecDSA256.class, SignatureSpi.ecDSA256::new);
        engine("Signature", "SHA384withECDSA", SignatureSpi.ecDSA384.class, SignatureSpi.ecDSA384::new);
        engine("Signature", "SHA512withECDSA", SignatureSpi.ecDSA512.class, SignatureSpi.ecDSA512::new);
        engine("KeyFactory", "EC", KeyFactorySpi.EC.class, KeyFactorySpi.EC::new);
    }

    private void engine(String type, String algorithm, Class<?> spi, Supplier<Object> create) {
        putService(new Engine(this, type, algorithm, spi.getName(), create));
    }

    /** A service whose engine is constructed directly (no reflection on the class name). */
    private static final class Engine extends Service {

        private final transient Supplier<Object> create;

        Engine(Provider provider, String type, String algorithm, String className, Supplier<Object> create) {
            super(provider, type, algorithm, className, null, null);
            this.create = create;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return create.get();
        }
    }
}
