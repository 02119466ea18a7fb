package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.security.SecuredCalls.DISCOVERY_AUD;
import static org.hypomag.cds.security.SecuredCalls.EHR;
import static org.hypomag.cds.security.SecuredCalls.JWKS;


import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Through real Tomcat: a valid token passes; paths that only become /cds-services after the container
 * decodes or normalises them are still guarded (never reach a controller without a token).
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(classes = SecuredTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealServerTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void trustTestEhr(DynamicPropertyRegistry registry) {
        registry.add("cds.security.public-base-url", () -> SecuredCalls.BASE);
        registry.add("cds.security.issuers[0].iss", EHR::iss);
        registry.add("cds.security.issuers[0].jwks-file", () -> JWKS.toUri().toString());
    }

    @Test
    void validToken_isAccepted_andNoTokenIsRefused() throws Exception {
        clock.set(SecuredTestApp.NOW);
        String token = EHR.token(DISCOVERY_AUD, SecuredTestApp.NOW).sign();
        assertThat(send("/cds-services", token).status()).isEqualTo(200);
        Http.Answer refused = send("/cds-services", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"cds-services\"");
        assertThat(refused.body()).contains("\"AUTH-MISSING-TOKEN\"");
    }

    @Test
    void encodedAndDotSegmentPaths_neverReachTheControllerWithoutToken() throws Exception {
        for (String path : new String[] {"/%63ds-services", "/x/../cds-services", "/cds-services/./x",
                "/cds-services;a=b", "/CDS-services"}) {
            assertThat(send(path, null).status()).as(path).isIn(400, 401);
        }
    }

    private Http.Answer send(String path, String token) {
        return Http.local(port).get(path).bearer(token).send();
    }
}
