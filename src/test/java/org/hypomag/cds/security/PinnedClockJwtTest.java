package org.hypomag.cds.security;

import static org.hypomag.cds.security.SecuredCalls.DISCOVERY_AUD;
import static org.hypomag.cds.security.SecuredCalls.EHR;
import static org.hypomag.cds.security.SecuredCalls.JWKS;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.hypomag.cds.CdsApplication;
import org.hypomag.cds.TestPhases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19.17: with the clinical clock pinned ({@code cds.clock.fixed}, the README's way to replay the dated
 * samples) a real token minted now is accepted, and an expired one refused: the JWT checks use the real clock.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(classes = CdsApplication.class, properties = "cds.clock.fixed=2026-11-23T12:00:00Z")
@AutoConfigureMockMvc
class PinnedClockJwtTest {

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void trustTestEhr(DynamicPropertyRegistry registry) {
        registry.add("cds.security.public-base-url", () -> SecuredCalls.BASE);
        registry.add("cds.security.issuers[0].iss", EHR::iss);
        registry.add("cds.security.issuers[0].jwks-file", () -> JWKS.toUri().toString());
    }

    @Test
    void realTokenMintedNow_isAcceptedUnderAPinnedClinicalClock() throws Exception {
        SecuredCalls.discovery(mvc, EHR.token(DISCOVERY_AUD, Instant.now()).sign()).andExpect(status().isOk());
    }

    @Test
    void tokenValidAtThePinnedTimeButExpiredNow_isRefused() throws Exception {
        SecuredCalls.discovery(mvc, EHR.token(DISCOVERY_AUD, Instant.parse("2026-11-23T11:59:00Z")).sign())
                .andExpect(status().isUnauthorized());
    }
}
