package org.hypomag.cds.security;

import static org.hypomag.cds.security.SecuredCalls.EHR;
import static org.hypomag.cds.security.SecuredCalls.JWKS;

import org.hypomag.cds.TestPhases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the filter tests: one Spring context trusting the test EHR, with its FHIR server allowlist:
 * https://fhir.test.example/r4, http://fhir-plain.test.example/r4 (no http for tokens) and
 * http://127.0.0.1:8089/fhir (http allowed).
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(classes = SecuredTestApp.class)
@AutoConfigureMockMvc
abstract class SecuredContextTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void trustTestEhr(DynamicPropertyRegistry registry) {
        registry.add("cds.security.public-base-url", () -> SecuredCalls.BASE);
        registry.add("cds.security.issuers[0].iss", EHR::iss);
        registry.add("cds.security.issuers[0].jwks-file", () -> JWKS.toUri().toString());
        registry.add("cds.security.issuers[0].jku-allowlist[0]", () -> "https://ehr.test.example/jwks.json");
        registry.add("cds.security.issuers[0].fhir-servers[0].url", () -> "https://fhir.test.example/r4");
        registry.add("cds.security.issuers[0].fhir-servers[1].url", () -> "http://fhir-plain.test.example/r4");
        registry.add("cds.security.issuers[0].fhir-servers[2].url", () -> "http://127.0.0.1:8089/fhir");
        registry.add("cds.security.issuers[0].fhir-servers[2].allow-http", () -> "true");
    }

    @BeforeEach
    void resetClock() {
        clock.set(SecuredTestApp.NOW);
    }
}
