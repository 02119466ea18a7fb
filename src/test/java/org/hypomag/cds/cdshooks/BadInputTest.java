package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of bad input gets a clear 4xx with an OperationOutcome and a stable code, never a 5xx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.http.max-request-size=20KB"})
class BadInputTest {

    private static final String PV = "/cds-services/hypomagnesemia-patient-view";

    @LocalServerPort
    int port;
    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls(port);
    }

    private void assertOutcome(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(HttpCalls.json(r.body()).path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(HttpCalls.errorCode(r)).isEqualTo(code);
    }

    @Test
    void malformedJson_is400() {
        assertOutcome(http.post(PV, "{\"hook\": \"patient-view\", "), 400, "CDS-400-MALFORMED-JSON");
    }

    @Test
    void jsonArrayInsteadOfObject_is400() {
        assertOutcome(http.post(PV, "[1,2,3]"), 400, "CDS-400-MALFORMED-JSON");
    }

    @Test
    void missingHook_is400() {
        assertOutcome(http.post(PV, "{\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},\"prefetch\":{}}"),
                400, "CDS-400-HOOK");
    }

    @Test
    void hookOfAnotherService_is400() {
        assertOutcome(http.post(PV, "{\"hook\":\"order-sign\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"}}"),
                400, "CDS-400-HOOK-MISMATCH");
    }

    @Test
    void missingHookInstance_is400() {
        assertOutcome(http.post(PV, "{\"hook\":\"patient-view\",\"context\":{\"patientId\":\"p1\"}}"),
                400, "CDS-400-HOOK-INSTANCE");
    }

    @Test
    void missingContext_is400() {
        assertOutcome(http.post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\"}"), 400, "CDS-400-CONTEXT");
    }

    @Test
    void missingPatientId_is400() {
        assertOutcome(http.post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"userId\":\"x\"}}"),
                400, "CDS-400-PATIENT");
    }

    @Test
    void patientIdWithMarkup_is400AndNotEchoed() {
        HttpResponse<String> r = http.post(PV,
                "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"<script>\"}}");
        assertOutcome(r, 400, "CDS-400-PATIENT");
        assertThat(r.body()).doesNotContain("<script>");
    }

    @Test
    void orderSelectWithoutDraftOrders_is400() {
        assertOutcome(http.post("/cds-services/hypomagnesemia-order-select",
                "{\"hook\":\"order-select\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\","
                        + "\"selections\":[\"MedicationRequest/1\"]}}"), 400, "CDS-400-DRAFT-ORDERS");
    }

    @Test
    void orderSelectWithBadSelections_is400() {
        assertOutcome(http.post("/cds-services/hypomagnesemia-order-select",
                "{\"hook\":\"order-select\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\","
                        + "\"selections\":[42],\"draftOrders\":{\"resourceType\":\"Bundle\"}}}"),
                400, "CDS-400-SELECTIONS");
    }

    @Test
    void fhirAuthorizationWithoutFhirServer_is400() {
        assertOutcome(http.post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},"
                + "\"fhirAuthorization\":{\"access_token\":\"secret\",\"token_type\":\"Bearer\"}}"),
                400, "CDS-400-FHIR-SERVER");
    }

    @Test
    void fhirServerNotAUrl_is400() {
        assertOutcome(http.post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},"
                + "\"fhirServer\":\"ftp://x\"}"), 400, "CDS-400-FHIR-SERVER");
    }

    @Test
    void fhirServerNotOnTheAllowlist_is403_andNothingIsFetched() {
        assertOutcome(http.post(PV, "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},"
                + "\"fhirServer\":\"https://fhir.elsewhere.example/r4\","
                + "\"fhirAuthorization\":{\"access_token\":\"secret\",\"token_type\":\"Bearer\"}}"),
                403, "AUTH-FHIR-SERVER-NOT-ALLOWED");
    }

    @Test
    void unknownService_is404() {
        assertOutcome(http.post("/cds-services/no-such-service",
                "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"}}"),
                404, "CDS-404-SERVICE");
    }

    @Test
    void bodyOverTheLimit_is413() {
        String big = "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},\"x\":\""
                + "a".repeat(30_000) + "\"}";
        assertOutcome(http.post(PV, big), 413, "CDS-413-TOO-LARGE");
    }

    @Test
    void wrongContentType_is415() {
        assertOutcome(http.post(PV, "hook=patient-view", "text/plain"), 415, "CDS-415-CONTENT-TYPE");
    }

    @Test
    void noPrefetchAndNoFhirServer_is412() {
        HttpResponse<String> r = http.post(PV,
                "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"}}");
        assertOutcome(r, 412, "CDS-412-PREFETCH");
        assertThat(r.body()).contains("magnesium");
    }

    @Test
    void getOnAHookEndpoint_is405() {
        assertOutcome(http.get(PV), 405, "CDS-405-METHOD");
    }

    @Test
    void feedbackWithoutItems_is400() {
        assertOutcome(http.post(PV + "/feedback", "{\"feedback\":[]}"), 400, "CDS-400-FEEDBACK");
    }

    @Test
    void feedbackAcceptedWithoutSuggestions_is400() {
        assertOutcome(http.post(PV + "/feedback", "{\"feedback\":[{\"card\":\"c1\",\"outcome\":\"accepted\","
                + "\"outcomeTimestamp\":\"2026-11-22T14:40:04.700Z\"}]}"), 400, "CDS-400-FEEDBACK-SUGGESTION");
    }

    @Test
    void feedbackWithUnknownOutcome_is400() {
        assertOutcome(http.post(PV + "/feedback", "{\"feedback\":[{\"card\":\"c1\",\"outcome\":\"ignored\","
                + "\"outcomeTimestamp\":\"2026-11-22T14:40:04.700Z\"}]}"), 400, "CDS-400-FEEDBACK-OUTCOME");
    }

    @Test
    void feedbackWithBadTimestamp_is400() {
        assertOutcome(http.post(PV + "/feedback", "{\"feedback\":[{\"card\":\"c1\",\"outcome\":\"overridden\","
                + "\"outcomeTimestamp\":\"yesterday\"}]}"), 400, "CDS-400-FEEDBACK-TIMESTAMP");
    }
}
