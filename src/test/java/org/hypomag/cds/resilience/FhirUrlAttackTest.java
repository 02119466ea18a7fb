package org.hypomag.cds.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 12.7 and 12.8 against a real (stub) FHIR server: next links that leave the allowed path ("..",
 * "%2e%2e", a relative "../admin") are never followed with the access token, a fhirServer with "..;" is
 * refused, a patient id ".." never becomes GET Patient/.., and an IPv6 loopback fhirServer works.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.fhir.deadline=3000ms"})
class FhirUrlAttackTest {

    static final WireMockServer FHIR = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final WireMockServer FHIR6 = new WireMockServer(options().dynamicPort().bindAddress("::1"));

    @LocalServerPort
    int port;
    Http http;

    @BeforeAll
    static void start() {
        FHIR.start();
        FHIR6.start();
    }

    @AfterAll
    static void stop() {
        FHIR.stop();
        FHIR6.stop();
    }

    @BeforeEach
    void healthy() {
        http = Http.local(port).accepting(Http.JSON_TYPE);
        for (WireMockServer s : List.of(FHIR, FHIR6)) {
            s.resetAll();
            s.stubFor(any(urlPathMatching("/fhir/.*")).atPriority(10).willReturn(json(HookRequests.bundle(List.of()).toString())));
            s.stubFor(any(urlPathMatching("/fhir/Patient/.*")).atPriority(5).willReturn(json(
                    HookRequests.patient("p1", "1958-03-04", "female").toString())));
            s.stubFor(any(anyUrl()).atPriority(20).willReturn(json("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(body);
    }

    Http.Answer call(String fhirServer, String patientId) {
        ObjectNode req = HookRequests.valid(HookRequests.PATIENT_VIEW, patientId);
        req.remove("prefetch");
        req.put("fhirServer", fhirServer);
        req.putObject("fhirAuthorization").put("access_token", "opaque-test-token").put("token_type", "Bearer")
                .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "hypomag-cds");
        Http.Answer a = http.post(HookRequests.PATIENT_VIEW, req.toString()).sendOrIoError();
        assertThat(a.status()).as(a.body()).isLessThan(500);
        assertThat(HookRequests.JSON.readTree(a.body()).isObject()).isTrue();
        if (a.status() != 200) {
            assertThat(HookRequests.JSON.readTree(a.body()).path("resourceType").asString()).isEqualTo("OperationOutcome");
        }
        return a;
    }

    static List<String> urlsWithToken(WireMockServer server) {
        return server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.containsHeader("Authorization")).map(LoggedRequest::getUrl).toList();
    }

    @Test
    void nextLinksLeavingTheBase_areNotFollowedWithTheToken() {
        String base = FHIR.baseUrl();
        for (String next : List.of("../admin", "/fhir/../admin", "%2e%2e/admin", "Observation/%2E%2E/%2e%2e/admin",
                base + "/fhir/../admin", base + "/fhir/%2e%2e/admin", base + "/fhir/..;/admin",
                base + "/fhir/Observation/..", base + "/fhirx/Observation", "..\\admin")) {
            FHIR.resetRequests();
            ObjectNode page = HookRequests.bundle(List.of(HookRequests.magnesium("mg1", "p1", "1.1", "mg/dL",
                    Instant.now().minusSeconds(3600).toString())));
            page.putArray("link").addObject().put("relation", "next").put("url", next);
            FHIR.stubFor(any(urlPathEqualTo("/fhir/Observation")).withQueryParam("code", containing("19123-9"))
                    .atPriority(1).willReturn(json(page.toString())));
            Http.Answer a = call(base + "/fhir", "p1");
            assertThat(a.status()).as(next).isEqualTo(200);
            for (String url : urlsWithToken(FHIR)) {
                String u = url.toLowerCase(Locale.ROOT);
                assertThat(u).as("next %s led to %s", next, url).startsWith("/fhir/")
                        .doesNotContain("..").doesNotContain("%2e").doesNotContain("/admin").doesNotContain(";");
            }
        }
    }

    @Test
    void fhirServerWithDotSemicolonSegment_isRefusedBeforeAnyFetch() {
        for (String server : List.of(FHIR.baseUrl() + "/fhir/..;/x", FHIR.baseUrl() + "/fhir/%2e%2e/x",
                FHIR.baseUrl() + "/fhir/./x", FHIR.baseUrl() + "/fhir;a=b")) {
            FHIR.resetRequests();
            Http.Answer a = call(server, "p1");
            assertThat(a.status()).as(server).isBetween(400, 403);
            assertThat(FHIR.getAllServeEvents()).as(server).isEmpty();
        }
    }

    @Test
    void dotIds_areRefusedNotFetched() {
        for (String id : List.of("..", ".")) {
            FHIR.resetRequests();
            Http.Answer a = call(FHIR.baseUrl() + "/fhir", id);
            assertThat(a.status()).as(id).isEqualTo(400);
            assertThat(a.body()).contains("CDS-400-PATIENT");
            assertThat(FHIR.getAllServeEvents()).as(id).isEmpty();
        }
    }

    @Test
    void ipv6LoopbackFhirServer_isFetched() {
        String base = "http://[::1]:" + FHIR6.port() + "/fhir";
        FHIR6.stubFor(any(urlPathEqualTo("/fhir/Observation")).withQueryParam("code", containing("19123-9"))
                .atPriority(1).willReturn(json(HookRequests.bundle(List.of(HookRequests.magnesium("mg1", "p1", "0.8",
                        "mg/dL", Instant.now().minusSeconds(3600).toString()))).toString())));
        Http.Answer a = call(base, "p1");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).doesNotContain("not a valid URL").contains("evere");
        assertThat(urlsWithToken(FHIR6)).anyMatch(u -> u.startsWith("/fhir/Observation"));
    }

    /** Issue 12.6: the card must not tell a closed port from a 404 (a port scanner); the log keeps the detail. */
    @Test
    void closedPortAndNotFound_readTheSameOnTheCard() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        FHIR.stubFor(any(urlPathMatching("/fhir/.*")).atPriority(1).willReturn(aResponse().withStatus(404)));
        String notFound = cardTexts(call(FHIR.baseUrl() + "/fhir", "p1"));
        String refused = cardTexts(call("http://127.0.0.1:" + closed + "/fhir", "p1"));
        assertThat(notFound).contains("no usable answer").doesNotContain("404").doesNotContain("not found");
        assertThat(refused).contains("no usable answer").doesNotContain("connect");
        assertThat(refused).isEqualTo(notFound);
    }

    static String cardTexts(Http.Answer a) {
        StringBuilder sb = new StringBuilder();
        HookRequests.JSON.readTree(a.body()).path("cards").forEach(c -> sb.append(c.path("summary").asString())
                .append('\n').append(c.path("detail").asString()).append('\n'));
        return sb.toString();
    }
}
