package org.hypomag.cds.cdshooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * The call gate with one place (issue 16.3): a hook call that finds no place within the queue timeout is answered
 * 503 with Retry-After and an OperationOutcome, while discovery and feedback are not gated; a call waiting for a
 * FHIR server that hangs gives its place up, so another call is answered meanwhile.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.mode=demo",
        "cds.http.concurrent-calls=1", "cds.http.call-queue-timeout=300ms", "cds.fhir.deadline=2500ms"})
class CallGateTest {

    static final WireMockServer HANGING = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
            .asynchronousResponseEnabled(true).asynchronousResponseThreads(4));

    @LocalServerPort
    int port;
    @Autowired
    CallGate gate;

    @BeforeAll
    static void startHangingServer() {
        HANGING.start();
        HANGING.stubFor(any(urlPathMatching("/fhir/.*")).willReturn(aResponse().withFixedDelay(60_000)));
    }

    @AfterAll
    static void stopHangingServer() {
        HANGING.stop();
    }

    @AfterEach
    void placeGivenBack() {
        gate.leave();
    }

    @Test
    void noPlaceWithinTheTimeout_is503WithRetryAfter_discoveryAndFeedbackStillAnswer() throws Exception {
        Http http = Http.local(port).accepting(Http.JSON_TYPE);
        assertThat(gate.size()).isEqualTo(1);
        assertThat(gate.enter()).isTrue(); // this thread holds the only place

        Http.Answer busy = http.post("/cds-services/hypomagnesemia-patient-view", prefetched()).send();
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(busy.errorCode()).isEqualTo("CDS-503-BUSY");
        assertThat(busy.json().at("/issue/0/code").asString()).isEqualTo("throttled");
        assertThat(http.get("/cds-services").send().status()).isEqualTo(200);
        Http.Answer feedback = http.post("/cds-services/hypomagnesemia-patient-view/feedback",
                "{\"feedback\":[]}").send();
        assertThat(feedback.status()).isNotEqualTo(503);

        gate.leave();
        assertThat(http.post("/cds-services/hypomagnesemia-patient-view", prefetched()).send().status())
                .isEqualTo(200);
    }

    @Test
    void callWaitingForAHangingFhirServer_givesItsPlaceUp() throws Exception {
        Http http = Http.local(port).accepting(Http.JSON_TYPE);
        ObjectNode fetching = (ObjectNode) Http.JSON.readTree(Files.readString(Path.of("hooks/patient-view-severe-ckd-prefetch.json")));
        fetching.remove("prefetch");
        fetching.put("fhirServer", HANGING.baseUrl() + "/fhir");
        CompletableFuture<Http.Answer> waiting = CompletableFuture.supplyAsync(
                () -> http.post("/cds-services/hypomagnesemia-patient-view", fetching.toString()).send());
        while (HANGING.getAllServeEvents().isEmpty() && !waiting.isDone()) {
            Thread.sleep(10); // until the first call is waiting for the FHIR server
        }

        Http.Answer meanwhile = http.post("/cds-services/hypomagnesemia-patient-view", prefetched()).send();

        assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(200);
        assertThat(waiting).as("the first call still waits for the FHIR server").isNotDone();
        assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(200); // answered at its deadline
    }

    private static String prefetched() throws Exception {
        return Files.readString(Path.of("hooks/patient-view-severe-ckd-prefetch.json"));
    }
}
