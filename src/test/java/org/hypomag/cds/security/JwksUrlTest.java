package org.hypomag.cds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** Keys from a JWKS URL and from an allowlisted jku: cached, refetched once on an unknown kid, rate-limited. */
class JwksUrlTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String AUD = "https://cds.example.org/cds-services";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final TestIssuer ehr = new TestIssuer("https://ehr.example.org");
    private final MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void keysFromUrl_areCached_andAnUnknownKidRefetchesOnce_thenTheRateLimitHolds() throws Exception {
        serve("/jwks.json", ehr.publicJwks());
        JwtVerifier verifier = verifier(new SecurityProperties.Issuer(ehr.iss(), null, url("/jwks.json"), null, null,
                null, null));
        verifier.verify(ehr.token(AUD, NOW).sign(), AUD);
        verifier.verify(ehr.rsaToken(AUD, NOW).sign(), AUD);
        server.verify(1, getRequestedFor(urlEqualTo("/jwks.json")));

        ECKey rotated = new ECKeyGenerator(Curve.P_384).keyID("rotated-2").generate();
        serve("/jwks.json", new JWKSet(List.of(ehr.ecKey().toPublicJWK(), rotated.toPublicJWK())));
        verifier.verify(ehr.token(AUD, NOW).kid("rotated-2").signWith(rotated).sign(), AUD);
        server.verify(2, getRequestedFor(urlEqualTo("/jwks.json")));

        assertThatThrownBy(() -> verifier.verify(ehr.token(AUD, NOW).kid("never-published").sign(), AUD))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(ehr.token(AUD, NOW).kid("never-published-2").sign(), AUD))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/jwks.json")))).hasSize(2);
    }

    @Test
    void allowlistedJku_isWhereKeysAreFetched_whenNoOtherKeysAreConfigured() throws Exception {
        serve("/ehr/jwks.json", ehr.publicJwks());
        JwtVerifier verifier = verifier(new SecurityProperties.Issuer(ehr.iss(), null, null,
                List.of(url("/ehr/jwks.json")), null, null, null));
        CallerIdentity caller = verifier.verify(ehr.token(AUD, NOW).jku(url("/ehr/jwks.json")).sign(), AUD);
        assertThat(caller.issuer()).isEqualTo(ehr.iss());
    }

    @Test
    void jkuOffTheAllowlist_isRefused_withoutFetchingIt() throws Exception {
        serve("/evil/jwks.json", ehr.publicJwks());
        JwtVerifier verifier = verifier(new SecurityProperties.Issuer(ehr.iss(), null, null,
                List.of(url("/ehr/jwks.json")), null, null, null));
        assertThatThrownBy(() -> verifier.verify(ehr.token(AUD, NOW).jku(url("/evil/jwks.json")).sign(), AUD))
                .isInstanceOf(InvalidTokenException.class).hasMessage("jku not allowlisted");
        server.verify(0, getRequestedFor(urlEqualTo("/evil/jwks.json")));
    }

    @Test
    void unreachableKeys_give401NotAnError() {
        JwtVerifier verifier = verifier(new SecurityProperties.Issuer(ehr.iss(), null, url("/missing.json"), null,
                null, null, null));
        assertThatThrownBy(() -> verifier.verify(ehr.token(AUD, NOW).sign(), AUD))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void tenant_whenConfigured_mustMatch() throws Exception {
        serve("/jwks.json", ehr.publicJwks());
        JwtVerifier verifier = verifier(new SecurityProperties.Issuer(ehr.iss(), null, url("/jwks.json"), null, null,
                "hospital-a", null));
        assertThat(verifier.verify(ehr.token(AUD, NOW).claim("tenant", "hospital-a").sign(), AUD).tenant())
                .isEqualTo("hospital-a");
        assertThatThrownBy(() -> verifier.verify(ehr.token(AUD, NOW).claim("tenant", "hospital-b").sign(), AUD))
                .isInstanceOf(InvalidTokenException.class).hasMessage("tenant not accepted");
        assertThatThrownBy(() -> verifier.verify(ehr.token(AUD, NOW).sign(), AUD))
                .isInstanceOf(InvalidTokenException.class).hasMessage("tenant not accepted");
    }

    @Test
    void replayMemory_forgetsATokenOnlyAfterItExpired() throws Exception {
        serve("/jwks.json", ehr.publicJwks());
        JwtVerifier verifier = verifier(new SecurityProperties.Issuer(ehr.iss(), null, url("/jwks.json"), null, null,
                null, null));
        String token = ehr.token(AUD, NOW).sign();
        verifier.verify(token, AUD);
        clock.set(NOW.plusSeconds(200));
        assertThatThrownBy(() -> verifier.verify(token, AUD)).hasMessage("replayed jti");
        clock.set(NOW.plusSeconds(400));
        assertThatThrownBy(() -> verifier.verify(token, AUD)).hasMessage("expired");
    }

    private JwtVerifier verifier(SecurityProperties.Issuer issuer) {
        SecurityProperties properties = new SecurityProperties(null, "https://cds.example.org", null, null, 100, true,
                null, null, List.of(issuer), null);
        return new JwtVerifier(new TrustedIssuers(properties, new DefaultResourceLoader()),
                new ReplayCache(clock, 100), clock, properties);
    }

    private void serve(String path, JWKSet jwks) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(jwks.toString())));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
