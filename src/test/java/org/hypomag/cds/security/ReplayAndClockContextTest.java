package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.security.SecuredCalls.DISCOVERY_AUD;
import static org.hypomag.cds.security.SecuredCalls.EHR;
import static org.hypomag.cds.security.SecuredCalls.JWKS;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hypomag.cds.TestPhases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Through the filter: a full replay memory answers 503 + Retry-After (never forgets, 12.3); a jti over 256
 * characters is refused (12.3); a wrong aud is logged at WARN with the received value (12.5).
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(classes = SecuredTestApp.class, properties = "cds.security.replay-cache-size=3")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ReplayAndClockContextTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void trustTestEhr(DynamicPropertyRegistry registry) {
        registry.add("cds.security.public-base-url", () -> SecuredCalls.BASE);
        registry.add("cds.security.issuers[0].iss", EHR::iss);
        registry.add("cds.security.issuers[0].jwks-file", () -> JWKS.toUri().toString());
    }

    @Test
    void fullReplayMemory_refusesNewTokensWith503AndRetryAfter_andStillRefusesTheReplay() throws Exception {
        clock.set(SecuredTestApp.NOW.plusSeconds(10_000));
        java.time.Instant now = clock.instant();
        String first = EHR.token(DISCOVERY_AUD, now).sign();
        SecuredCalls.discovery(mvc, first).andExpect(status().isOk());
        SecuredCalls.discovery(mvc, EHR.token(DISCOVERY_AUD, now).sign()).andExpect(status().isOk());
        SecuredCalls.discovery(mvc, EHR.token(DISCOVERY_AUD, now).sign()).andExpect(status().isOk());
        for (int i = 0; i < 10; i++) {
            SecuredCalls.discovery(mvc, EHR.token(DISCOVERY_AUD, now).sign()).andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.resourceType").value("OperationOutcome"));
        }
        SecuredCalls.discovery(mvc, first).andExpect(status().isUnauthorized());
        clock.set(now.plusSeconds(3600));
        SecuredCalls.discovery(mvc, EHR.token(DISCOVERY_AUD, clock.instant()).sign()).andExpect(status().isOk());
    }

    @Test
    void jtiLongerThan256_isRefused() throws Exception {
        clock.set(SecuredTestApp.NOW.plusSeconds(50_000));
        SecuredCalls.discovery(mvc, EHR.token(DISCOVERY_AUD, clock.instant()).claim("jti", "j".repeat(257)).sign())
                .andExpect(status().isUnauthorized());
        SecuredCalls.discovery(mvc, EHR.token(DISCOVERY_AUD, clock.instant()).claim("jti", "j".repeat(256)).sign())
                .andExpect(status().isOk());
    }

    @Test
    void wrongAud_isLoggedAtWarnWithTheReceivedValue(CapturedOutput output) throws Exception {
        clock.set(SecuredTestApp.NOW.plusSeconds(90_000));
        SecuredCalls.discovery(mvc, EHR.token("http://:8080/cds-services", clock.instant()).sign())
                .andExpect(status().isUnauthorized());
        assertThat(output).contains("WARN").contains("aud [http://:8080/cds-services] is not the called URL "
                + DISCOVERY_AUD);
    }
}
