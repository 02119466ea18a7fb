package org.hypomag.cds.security;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.hypomag.cds.bench.CpuClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 16: one JWT signature check, in microseconds: ES384 with the JDK's provider (what Nimbus uses by
 * default), ES384 with the service's verifier ({@link SignatureVerifiers}: BouncyCastle through Nimbus's JCA
 * context) and RS384 (JDK provider, as in the service). Each returns whether the signature held, so the
 * work cannot be optimised away; a failed check fails the setup. Each measured iteration also prints the
 * benchmark thread's CPU time per operation ({@code thread CPU ... us/op}): on a machine shared with other
 * builds, JMH's wall-clock score includes the time the thread waited for a core, the CPU time does not.
 * (ES384 with the service's verifier in the JDK's key form, as first committed: about 0.7 ms CPU; with the key
 * in BouncyCastle's form, as now: about 0.27 ms.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwtBenchmark extends CpuClock {

    SignedJWT es384;
    SignedJWT rs384;
    JWSVerifier ecJdk;
    JWSVerifier ecService;
    JWSVerifier rsaService;

    @Setup
    public void setUp() throws Exception {
        TestIssuer ehr = new TestIssuer("https://ehr.example.org");
        String aud = "https://cds.example.org/cds-services/hypomagnesemia-patient-view";
        es384 = SignedJWT.parse(ehr.token(aud, Instant.now()).sign());
        rs384 = SignedJWT.parse(ehr.rsaToken(aud, Instant.now()).sign());
        SignatureVerifiers verifiers = new SignatureVerifiers();
        ecJdk = new ECDSAVerifier(ehr.ecKey().toPublicJWK());
        ecService = verifiers.forKey(ehr.ecKey().toPublicJWK()).orElseThrow();
        rsaService = verifiers.forKey(ehr.rsaKey().toPublicJWK()).orElseThrow();
        if (!es384JdkProvider() || !es384ServiceBouncyCastle() || !rs384ServiceJdkProvider()) {
            throw new IllegalStateException("a signature did not verify");
        }
    }



    @Benchmark
    public boolean es384JdkProvider() throws JOSEException {
        op();
        return ecJdk.verify(es384.getHeader(), es384.getSigningInput(), es384.getSignature());
    }

    @Benchmark
    public boolean es384ServiceBouncyCastle() throws JOSEException {
        op();
        return ecService.verify(es384.getHeader(), es384.getSigningInput(), es384.getSignature());
    }

    @Benchmark
    public boolean rs384ServiceJdkProvider() throws JOSEException {
        op();
        return rsaService.verify(rs384.getHeader(), rs384.getSigningInput(), rs384.getSignature());
    }
}
