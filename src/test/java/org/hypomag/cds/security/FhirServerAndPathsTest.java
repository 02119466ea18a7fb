package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.security.SecuredCalls.EHR;
import static org.hypomag.cds.security.SecuredCalls.HOOK_AUD;
import static org.hypomag.cds.security.SecuredCalls.assertFhirServerRefused;
import static org.hypomag.cds.security.SecuredCalls.assertInvalid;
import static org.hypomag.cds.security.SecuredCalls.assertRefused;
import static org.hypomag.cds.security.SecuredCalls.body;
import static org.hypomag.cds.security.SecuredCalls.hook;
import static org.hypomag.cds.security.SecuredTestApp.NOW;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** fhirServer allowlist and token transport (403), and which paths the filter guards. */
class FhirServerAndPathsTest extends SecuredContextTest {

    private static final String ACCESS_TOKEN = "ya29.opaque-access-token";

    @Test
    void allowlistedHttpsFhirServer_withToken_isAccepted() throws Exception {
        hook(mvc, EHR.token(HOOK_AUD, NOW).sign(), body("https://fhir.test.example/r4", ACCESS_TOKEN))
                .andExpect(status().isOk());
    }

    @Test
    void fhirServerNotAllowlisted_gives403() throws Exception {
        assertFhirServerRefused(hook(mvc, EHR.token(HOOK_AUD, NOW).sign(),
                body("https://attacker.example/r4", ACCESS_TOKEN)), FhirServerNotAllowedException.NOT_ALLOWED);
    }

    @Test
    void lookalikeHostOfAnAllowlistedServer_gives403() throws Exception {
        assertFhirServerRefused(hook(mvc, EHR.token(HOOK_AUD, NOW).sign(),
                body("https://fhir.test.example.attacker.example/r4", ACCESS_TOKEN)),
                FhirServerNotAllowedException.NOT_ALLOWED);
    }

    @Test
    void siblingPathOfAnAllowlistedServer_gives403() throws Exception {
        assertFhirServerRefused(hook(mvc, EHR.token(HOOK_AUD, NOW).sign(),
                body("https://fhir.test.example/r4-other", ACCESS_TOKEN)), FhirServerNotAllowedException.NOT_ALLOWED);
    }

    @Test
    void tokenOverPlainHttp_gives403() throws Exception {
        assertFhirServerRefused(hook(mvc, EHR.token(HOOK_AUD, NOW).sign(),
                body("http://fhir-plain.test.example/r4", ACCESS_TOKEN)), FhirServerNotAllowedException.INSECURE);
    }

    @Test
    void plainHttpServerOnTheList_withoutToken_isAccepted() throws Exception {
        hook(mvc, EHR.token(HOOK_AUD, NOW).sign(), body("http://fhir-plain.test.example/r4", null))
                .andExpect(status().isOk());
    }

    @Test
    void entryThatAllowsHttp_mayReceiveTheTokenOverHttp() throws Exception {
        hook(mvc, EHR.token(HOOK_AUD, NOW).sign(), body("http://127.0.0.1:8089/fhir", ACCESS_TOKEN))
                .andExpect(status().isOk());
    }

    @Test
    void corsPreflight_passesWithoutToken() throws Exception {
        var result = mvc.perform(options("/cds-services/mg-order-select").header("Origin", "http://127.0.0.1:8081")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")).andReturn();
        assertThat(result.getResponse().getStatus()).isNotEqualTo(401);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).isNull();
    }

    @Test
    void actuatorAndStaticFiles_areNotGuarded() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        assertThat(mvc.perform(get("/index.html")).andReturn().getResponse().getStatus()).isNotEqualTo(401);
        assertThat(mvc.perform(get("/demo/app.js")).andReturn().getResponse().getStatus()).isNotEqualTo(401);
    }

    @Test
    void otherMethodsUnderCdsServices_areGuardedToo() throws Exception {
        assertRefused(mvc.perform(post("/cds-services").contentType(MediaType.APPLICATION_JSON).content("{}")),
                "AUTH-MISSING-TOKEN");
    }

    @Test
    void encodedOrDoubledPath_isStillGuarded() throws Exception {
        assertRefused(mvc.perform(get(java.net.URI.create("/%63ds-services"))), "AUTH-MISSING-TOKEN");
        assertRefused(mvc.perform(get("/CDS-SERVICES")), "AUTH-MISSING-TOKEN");
        assertRefused(mvc.perform(get("/cds-services;x=1")), "AUTH-MISSING-TOKEN");
    }

    @Test
    void demoModeCannotBeRequested_byHeaderOrParameter() throws Exception {
        assertRefused(mvc.perform(get("/cds-services").header("X-Cds-Security-Mode", "demo")
                .param("cds.security.mode", "demo").param("mode", "demo")), "AUTH-MISSING-TOKEN");
    }

    @Test
    void tokenForAnotherHost_behindTheConfiguredBase_gives401() throws Exception {
        assertInvalid(hook(mvc, EHR.token("http://localhost/cds-services/mg-order-select", NOW).sign(),
                body(null, null)));
    }
}
