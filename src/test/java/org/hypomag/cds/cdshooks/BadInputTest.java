package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.hypomag.cds.TestPhases;
import org.hypomag.cds.store.CardStore;
import org.hypomag.cds.store.MemoryCardStore;
import org.hypomag.cds.store.StoreMetrics;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Every kind of bad input gets a clear 4xx with an OperationOutcome and a stable code, never a 5xx. A web slice:
 * the protocol layer (controller, error advice, size filter, the demo-mode authentication filter, the runner
 * with its real validator, resolver and security policy) on MockMvc, without a server, actuator or demo page.
 * The same answers over real HTTP are the end-to-end tests' (e2e/, resilience/).
 */
@Tag(TestPhases.SLICE)
@WebMvcTest(controllers = CdsHooksController.class,
        properties = {"cds.security.mode=demo", "cds.http.max-request-size=20KB"},
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.hypomag\\.cds\\.(cdshooks|cards|fhir|security|smart|system)\\..*"))
class BadInputTest {

    /**
     * The slice has no database and no actuator: the card ledger keeps this instance's memory (the store is tested
     * in store/), the meters go to a simple registry (metrics are tested in MetricsEndpointTest).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoDatabaseNoActuator {
        @Bean
        CardStore cardStore() {
            return new MemoryCardStore();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        StoreMetrics storeMetrics(MeterRegistry registry) {
            return new StoreMetrics(registry);
        }
    }

    private static final String PV = "/cds-services/hypomagnesemia-patient-view";

    @Autowired
    MockMvc mvc;

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse post(String path, String body) throws Exception {
        return post(path, body, MediaType.APPLICATION_JSON_VALUE);
    }

    private MockHttpServletResponse post(String path, String body, String contentType) throws Exception {
        return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(contentType).accept(MediaType.APPLICATION_JSON).content(body));
    }

    private void assertOutcome(MockHttpServletResponse r, int status, String code) throws Exception {
        String body = r.getContentAsString();
        assertThat(r.getStatus()).as(body).isEqualTo(status);
        assertThat(Http.JSON.readTree(body).path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(Http.JSON.readTree(body).at("/issue/0/details/coding/0/code").asString()).isEqualTo(code);
    }

    @Test
    void malformedJson_is400() throws Exception {
        assertOutcome(post(PV, "{\"hook\": \"patient-view\", "), 400, "CDS-400-MALFORMED-JSON");
    }

    @Test
    void jsonArrayInsteadOfObject_is400() throws Exception {
        assertOutcome(post(PV, "[1,2,3]"), 400, "CDS-400-MALFORMED-JSON");
    }

    @Test
    void missingHook_is400() throws Exception {
        assertOutcome(post(PV, "{\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},\"prefetch\":{}}"),
                400, "CDS-400-HOOK");
    }

    @Test
    void hookOfAnotherService_is400() throws Exception {
        assertOutcome(post(PV, "{\"hook\":\"order-sign\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"}}"),
                400, "CDS-400-HOOK-MISMATCH");
    }

    @Test
    void missingHookInstance_is400() throws Exception {
        assertOutcome(post(PV, "{\"hook\":\"patient-view\",\"context\":{\"patientId\":\"p1\"}}"),
                400, "CDS-400-HOOK-INSTANCE");
    }

    @Test
    void missingContext_is400() throws Exception {
        assertOutcome(post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\"}"), 400, "CDS-400-CONTEXT");
    }

    @Test
    void missingPatientId_is400() throws Exception {
        assertOutcome(post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"userId\":\"x\"}}"),
                400, "CDS-400-PATIENT");
    }

    @Test
    void patientIdWithMarkup_is400AndNotEchoed() throws Exception {
        MockHttpServletResponse r = post(PV,
                "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"<script>\"}}");
        assertOutcome(r, 400, "CDS-400-PATIENT");
        assertThat(r.getContentAsString()).doesNotContain("<script>");
    }

    @Test
    void orderSelectWithoutDraftOrders_is400() throws Exception {
        assertOutcome(post("/cds-services/hypomagnesemia-order-select",
                "{\"hook\":\"order-select\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\","
                        + "\"selections\":[\"MedicationRequest/1\"]}}"), 400, "CDS-400-DRAFT-ORDERS");
    }

    @Test
    void orderSelectWithBadSelections_is400() throws Exception {
        assertOutcome(post("/cds-services/hypomagnesemia-order-select",
                "{\"hook\":\"order-select\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\","
                        + "\"selections\":[42],\"draftOrders\":{\"resourceType\":\"Bundle\"}}}"),
                400, "CDS-400-SELECTIONS");
    }

    @Test
    void fhirAuthorizationWithoutFhirServer_is400() throws Exception {
        assertOutcome(post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},"
                + "\"fhirAuthorization\":{\"access_token\":\"secret\",\"token_type\":\"Bearer\"}}"),
                400, "CDS-400-FHIR-SERVER");
    }

    @Test
    void fhirServerNotAUrl_is400() throws Exception {
        assertOutcome(post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},"
                + "\"fhirServer\":\"ftp://x\"}"), 400, "CDS-400-FHIR-SERVER");
    }

    @Test
    void fhirServerNotOnTheAllowlist_is403_andNothingIsFetched() throws Exception {
        assertOutcome(post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},"
                + "\"fhirServer\":\"https://fhir.elsewhere.example/r4\","
                + "\"fhirAuthorization\":{\"access_token\":\"secret\",\"token_type\":\"Bearer\"}}"),
                403, "AUTH-FHIR-SERVER-NOT-ALLOWED");
    }

    @Test
    void fhirServerWithADotSegment_is403Invalid() throws Exception {
        assertOutcome(post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},"
                + "\"fhirServer\":\"http://127.0.0.1:1/fhir/../admin\"}"), 403, "AUTH-FHIR-SERVER-INVALID");
    }

    @Test
    void unknownService_is404() throws Exception {
        assertOutcome(post("/cds-services/no-such-service",
                "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"}}"),
                404, "CDS-404-SERVICE");
    }

    @Test
    void bodyOverTheLimit_is413() throws Exception {
        String big = "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},\"x\":\""
                + "a".repeat(30_000) + "\"}";
        assertOutcome(post(PV, big), 413, "CDS-413-TOO-LARGE");
    }

    @Test
    void wrongContentType_is415() throws Exception {
        assertOutcome(post(PV, "hook=patient-view", "text/plain"), 415, "CDS-415-CONTENT-TYPE");
    }

    @Test
    void noPrefetchAndNoFhirServer_is412() throws Exception {
        MockHttpServletResponse r = post(PV,
                "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"}}");
        assertOutcome(r, 412, "CDS-412-PREFETCH");
        assertThat(r.getContentAsString()).contains("magnesium");
    }

    @Test
    void prefetchNotAnObject_is400() throws Exception {
        assertOutcome(post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},"
                + "\"prefetch\":[]}"), 400, "CDS-400-PREFETCH");
    }

    @Test
    void getOnAHookEndpoint_is405() throws Exception {
        assertOutcome(call(get(PV).accept(MediaType.APPLICATION_JSON)), 405, "CDS-405-METHOD");
    }

    @Test
    void feedbackWithoutItems_is400() throws Exception {
        assertOutcome(post(PV + "/feedback", "{\"feedback\":[]}"), 400, "CDS-400-FEEDBACK");
    }

    @Test
    void feedbackAcceptedWithoutSuggestions_is400() throws Exception {
        assertOutcome(post(PV + "/feedback", "{\"feedback\":[{\"card\":\"c1\",\"outcome\":\"accepted\","
                + "\"outcomeTimestamp\":\"2026-11-22T14:40:04.700Z\"}]}"), 400, "CDS-400-FEEDBACK-SUGGESTION");
    }

    @Test
    void feedbackWithUnknownOutcome_is400() throws Exception {
        assertOutcome(post(PV + "/feedback", "{\"feedback\":[{\"card\":\"c1\",\"outcome\":\"ignored\","
                + "\"outcomeTimestamp\":\"2026-11-22T14:40:04.700Z\"}]}"), 400, "CDS-400-FEEDBACK-OUTCOME");
    }

    @Test
    void feedbackWithBadTimestamp_is400() throws Exception {
        assertOutcome(post(PV + "/feedback", "{\"feedback\":[{\"card\":\"c1\",\"outcome\":\"overridden\","
                + "\"outcomeTimestamp\":\"yesterday\"}]}"), 400, "CDS-400-FEEDBACK-TIMESTAMP");
    }
}
