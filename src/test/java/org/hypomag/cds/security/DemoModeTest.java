package org.hypomag.cds.security;

import static org.hypomag.cds.security.SecuredCalls.body;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hypomag.cds.TestPhases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Profile demo: no JWT needed, any JWT ignored, only loopback FHIR servers. */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(classes = SecuredTestApp.class)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoModeTest {

    @Autowired
    MockMvc mvc;

    @Test
    void callsWithoutToken_areAccepted_asTheDemoCaller() throws Exception {
        mvc.perform(get("/cds-services")).andExpect(status().isOk());
        mvc.perform(post("/cds-services/mg-patient-view").contentType(MediaType.APPLICATION_JSON)
                .content(body("http://localhost:8080/fhir", "local-token"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.demo").value(true));
    }

    @Test
    void anInvalidToken_isIgnored() throws Exception {
        mvc.perform(get("/cds-services").header("Authorization", "Bearer not.a.jwt")).andExpect(status().isOk());
    }

    @Test
    void nonLoopbackFhirServer_gives403() throws Exception {
        SecuredCalls.assertFhirServerRefused(mvc.perform(post("/cds-services/mg-patient-view")
                .contentType(MediaType.APPLICATION_JSON).content(body("https://fhir.example.org/r4", null))),
                FhirServerNotAllowedException.NOT_ALLOWED);
    }
}
