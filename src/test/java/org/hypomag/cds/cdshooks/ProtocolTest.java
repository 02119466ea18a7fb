package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Fixtures;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Discovery, feedback and CORS as the spec and the reference EHR simulator expect them. */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.http.cors-allowed-origins=http://127.0.0.1:8081"})
class ProtocolTest {

    @LocalServerPort
    int port;
    @Autowired
    FeedbackStore feedbackStore;
    Http http;

    @BeforeEach
    void setUp() {
        http = Http.local(port).accepting(Http.JSON_TYPE);
    }

    @Test
    void discovery_listsThreeServicesWithHooksAndPrefetch() {
        Http.Answer r = http.get("/cds-services").send();
        assertThat(r.status()).isEqualTo(200);
        JsonNode services = r.json().path("services");
        List<String> ids = new ArrayList<>();
        services.forEach(s -> ids.add(s.path("id").asString() + "@" + s.path("hook").asString()));
        assertThat(ids).containsExactly("hypomagnesemia-patient-view@patient-view",
                "hypomagnesemia-order-select@order-select", "hypomagnesemia-order-sign@order-sign");
        for (JsonNode s : services) {
            assertThat(s.path("description").asString()).isNotBlank();
            assertThat(s.path("title").asString()).isNotBlank();
            assertThat(s.path("usageRequirements").asString()).isNotBlank();
            assertThat(s.path("extension").path("org.hypomag.cds.knowledge-version").asString()).matches("\\d{4}\\..+");
            JsonNode prefetch = s.path("prefetch");
            List<String> keys = new ArrayList<>();
            prefetch.propertyNames().forEach(keys::add);
            assertThat(keys).containsExactly("patient", "magnesium", "potassium", "calcium", "renal", "weight",
                    "medicationStatements", "medicationRequests", "medicationAdministrations", "conditions");
            assertThat(prefetch.path("patient").asString()).isEqualTo("Patient/{{context.patientId}}");
            // issue 18.7: administrations of the patient, newest first, one bounded page
            assertThat(prefetch.path("medicationAdministrations").asString()).isEqualTo(
                    "MedicationAdministration?patient={{context.patientId}}&_sort=-effective-time"
                            + "&_include=MedicationAdministration:medication&_count=50");
            assertThat(prefetch.path("magnesium").asString())
                    .contains("Observation?patient={{context.patientId}}", "http://loinc.org|19123-9",
                            "http://loinc.org|2601-3", "_sort=-date", "_count=")
                    .doesNotContain("2597-3", "21377-7");
        }
    }

    @Test
    void feedback_fromTheSandboxFixture_isStored() {
        JsonNode fixture = Fixtures.resource("fixtures/sandbox/sandbox-feedback-accepted.json");
        String uniqueCard = "card-" + System.nanoTime();
        String body = fixture.path("body").toString().replace("\"c1\"", "\"" + uniqueCard + "\"");
        Http.Answer r = http.post("/cds-services/hypomagnesemia-order-select/feedback", body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(feedbackStore.forCard(uniqueCard)).singleElement().satisfies(f -> {
            assertThat(f.accepted()).isTrue();
            assertThat(f.acceptedSuggestions()).containsExactly("s1");
            assertThat(f.serviceId()).isEqualTo("hypomagnesemia-order-select");
        });
    }

    @Test
    void feedback_sentTwice_isStoredOnce() {
        String card = "card-" + System.nanoTime();
        String body = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\","
                + "\"overrideReason\":{\"reason\":{\"system\":\"http://example.org/reasons\",\"code\":\"not-relevant\"}},"
                + "\"outcomeTimestamp\":\"2026-11-22T14:40:04Z\"}]}";
        http.post("/cds-services/hypomagnesemia-patient-view/feedback", body).send();
        http.post("/cds-services/hypomagnesemia-patient-view/feedback", body).send();
        assertThat(feedbackStore.forCard(card)).singleElement()
                .satisfies(f -> assertThat(f.overrideCode()).isEqualTo("http://example.org/reasons|not-relevant"));
    }

    @Test
    void feedback_withEpicPluralOverrideReasons_isAccepted() {
        String card = "card-" + System.nanoTime();
        String body = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\","
                + "\"overrideReasons\":{\"reason\":{\"system\":\"urn:epic\",\"code\":\"3\"},\"userComment\":\"x\"},"
                + "\"outcomeTimestamp\":\"2026-11-22T14:40:04Z\"}]}";
        assertThat(http.post("/cds-services/hypomagnesemia-patient-view/feedback", body).send().status())
                .isEqualTo(200);
        assertThat(feedbackStore.forCard(card)).singleElement()
                .satisfies(f -> assertThat(f.overrideCode()).isEqualTo("urn:epic|3"));
    }

    @Test
    void corsPreflight_fromTheSandboxFixture_isAllowed() {
        JsonNode fixture = Fixtures.resource("fixtures/sandbox/sandbox-cors-preflight.json");
        Http.Request req = Http.local(port).request("OPTIONS", "/cds-services/hypomagnesemia-order-select");
        fixture.path("headers").properties().forEach(h -> req.header(h.getKey(), h.getValue().asString()));
        Http.Answer r = req.send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:8081");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "content-type");
    }

    @Test
    void corsPreflight_fromAnUnlistedOrigin_isRefused() {
        Http.Answer r = Http.local(port).request("OPTIONS", "/cds-services/hypomagnesemia-order-select")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").send();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void health_isUp() {
        Http.Answer r = http.get("/actuator/health").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("UP");
    }
}
