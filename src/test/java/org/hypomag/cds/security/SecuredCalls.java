package org.hypomag.cds.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Calls and assertions shared by the filter tests. */
final class SecuredCalls {

    static final String BASE = "http://cds.test.example";
    static final String DISCOVERY_AUD = BASE + "/cds-services";
    static final String HOOK_AUD = BASE + "/cds-services/mg-order-select";
    static final String FEEDBACK_AUD = HOOK_AUD + "/feedback";
    /** The test EHR and its JWKS file, shared by the filter tests (one Spring context). */
    static final TestIssuer EHR = new TestIssuer("https://ehr.test.example");
    static final Path JWKS = EHR.writeJwks(tempDir(), "ehr-jwks.json");

    private SecuredCalls() {
    }

    static ResultActions discovery(MockMvc mvc, String token) throws Exception {
        return mvc.perform(get("/cds-services").header("Authorization", "Bearer " + token));
    }

    static ResultActions hook(MockMvc mvc, String token, String body) throws Exception {
        return mvc.perform(post("/cds-services/mg-order-select").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static ResultActions feedback(MockMvc mvc, String token) throws Exception {
        return mvc.perform(post("/cds-services/mg-order-select/feedback").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"feedback\":[]}"));
    }

    static String body(String fhirServer, String accessToken) {
        String auth = accessToken == null ? "" : ",\"fhirAuthorization\":{\"access_token\":\"" + accessToken
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"patient/*.read\",\"subject\":\"cds\"}";
        String server = fhirServer == null ? "" : ",\"fhirServer\":\"" + fhirServer + "\"";
        return "{\"hook\":\"order-select\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\""
                + server + auth + ",\"context\":{\"patientId\":\"pt-7f3a9c1781\",\"userId\":\"Practitioner/1\"}}";
    }

    /** 401 with the OperationOutcome and the RFC 6750 challenge. */
    static void assertRefused(ResultActions result, String code) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", code.equals("AUTH-MISSING-TOKEN")
                        ? "Bearer realm=\"cds-services\"" : "Bearer realm=\"cds-services\", error=\"invalid_token\""))
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].severity").value("error"))
                .andExpect(jsonPath("$.issue[0].code").value("security"))
                .andExpect(jsonPath("$.issue[0].details.coding[0].system").value("urn:hypomag:cds:error"))
                .andExpect(jsonPath("$.issue[0].details.coding[0].code").value(code));
    }

    static void assertInvalid(ResultActions result) throws Exception {
        assertRefused(result, "AUTH-INVALID-TOKEN");
        result.andExpect(jsonPath("$.issue[0].details.text").value("The bearer token was not accepted"));
    }

    /** 403 with an OperationOutcome carrying the FhirServerPolicy code. */
    static void assertFhirServerRefused(ResultActions result, String code) throws Exception {
        result.andExpect(status().isForbidden())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].severity").value("error"))
                .andExpect(jsonPath("$.issue[0].details.coding[0].code").value(code));
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("cds-security-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
