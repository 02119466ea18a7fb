package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The real sandbox tokens verify against the shipped JWKS (src/main/resources/issuers/sandbox-jwks.json)
 * when the clock stands at their iat, and are refused once expired, or at another service's URL.
 */
class SandboxTokenTest {

    static final List<String> FIXTURES = SandboxFixtures.NAMES;

    private static final SecurityProperties SANDBOX = new SecurityProperties(null, SandboxFixtures.STUB_BASE, null,
            null, 1000, true, null, null,
            List.of(new SecurityProperties.Issuer("https://sandbox.cds-hooks.org", "classpath:issuers/sandbox-jwks.json",
                    null, List.of("https://sandbox.cds-hooks.org/.well-known/jwks.json"), null, null, null)),
            null);

    private final MutableClock clock = new MutableClock(java.time.Instant.EPOCH);
    private final JwtVerifier verifier = new JwtVerifier(new TrustedIssuers(SANDBOX, new DefaultResourceLoader()),
            new ReplayCache(clock, 1000), clock, SANDBOX);

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void sandboxToken_atItsIat_isAccepted(String name) throws Exception {
        SandboxFixtures fixture = SandboxFixtures.load(name);
        clock.set(fixture.iat());
        CallerIdentity caller = verifier.verify(fixture.token(), SandboxFixtures.STUB_BASE + fixture.path());
        assertThat(caller).isEqualTo(new CallerIdentity("https://sandbox.cds-hooks.org", null, false));
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void sandboxToken_afterExpiryAndSkew_isRefused(String name) {
        SandboxFixtures fixture = SandboxFixtures.load(name);
        clock.set(fixture.exp().plusSeconds(61));
        assertThatThrownBy(() -> verifier.verify(fixture.token(), SandboxFixtures.STUB_BASE + fixture.path()))
                .isInstanceOf(InvalidTokenException.class).hasMessage("expired");
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void sandboxToken_atAnotherUrl_isRefused(String name) {
        SandboxFixtures fixture = SandboxFixtures.load(name);
        clock.set(fixture.iat());
        assertThatThrownBy(() -> verifier.verify(fixture.token(), "https://cds.example.org" + fixture.path()))
                .isInstanceOf(InvalidTokenException.class).hasMessage("aud is not the called URL");
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void sandboxToken_withAlteredPayload_failsTheSignature(String name) {
        SandboxFixtures fixture = SandboxFixtures.load(name);
        clock.set(fixture.iat());
        String[] parts = fixture.token().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"jti\":\"", "\"jti\":\"x");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2];
        assertThatThrownBy(() -> verifier.verify(forged, SandboxFixtures.STUB_BASE + fixture.path()))
                .isInstanceOf(InvalidTokenException.class).hasMessage("bad signature or unknown kid");
    }
}
