package org.hypomag.cds.cdshooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;


import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Fixtures;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays the requests captured from the reference EHR simulator against this service's own ids. The
 * simulator prefetched only the patient, so the service fetches the rest from the FHIR server (here a
 * WireMock standing in for the sandbox's HAPI server, answering empty searches).
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.security.mode=demo")
class FixtureReplayTest {

    static WireMockServer fhir;

    @LocalServerPort
    int port;
    Http http;

    @BeforeAll
    static void startFhir() {
        fhir = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        fhir.start();
        fhir.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/fhir+json")
                .withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}")));
    }

    @AfterAll
    static void stopFhir() {
        fhir.stop();
    }

    @BeforeEach
    void setUp() {
        http = Http.local(port).accepting(Http.JSON_TYPE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sandbox-order-select-empty-draft.json, hypomagnesemia-order-select",
        "sandbox-order-select-pantoprazole.json, hypomagnesemia-order-select",
        "sandbox-order-select-after-accept.json, hypomagnesemia-order-select"})
    void sandboxRequest_answers200WithCards(String file, String serviceId) {
        JsonNode fixture = Fixtures.resource("fixtures/sandbox/" + file);
        ObjectNode body = (ObjectNode) fixture.path("body").deepCopy();
        body.put("fhirServer", fhir.baseUrl() + "/fhir");
        Http.Answer r = http.post("/cds-services/" + serviceId, body.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode cards = r.json().path("cards");
        assertThat(cards.isArray()).isTrue();
        if (file.contains("empty-draft")) {
            assertThat(cards.size()).isZero();
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "sandbox-order-select-pantoprazole.json, hypomagnesemia-order-sign, order-sign",
        "sandbox-order-select-pantoprazole.json, hypomagnesemia-patient-view, patient-view"})
    void sandboxRequest_replayedAsOtherHooks_answers200(String file, String serviceId, String hook) {
        ObjectNode body = (ObjectNode) Fixtures.resource("fixtures/sandbox/" + file).path("body").deepCopy();
        body.put("hook", hook);
        body.put("fhirServer", fhir.baseUrl() + "/fhir");
        if (hook.equals("patient-view")) {
            ((ObjectNode) body.path("context")).remove("selections");
            ((ObjectNode) body.path("context")).remove("draftOrders");
        } else {
            ((ObjectNode) body.path("context")).remove("selections");
        }
        Http.Answer r = http.post("/cds-services/" + serviceId, body.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("cards").isArray()).isTrue();
    }
}
