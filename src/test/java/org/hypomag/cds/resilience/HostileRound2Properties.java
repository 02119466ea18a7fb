package org.hypomag.cds.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hypomag.cds.CdsApplication;
import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attacks of the second hostile review (issue 12) over real HTTP, the service in demo mode on loopback:
 * unbounded decimals and implausible values in the prefetch (12.1), unbounded feedback (12.2), dot ids
 * (12.7), and answers that were not OperationOutcomes (12.8). None may give a 5xx.
 */
@Tag(TestPhases.CONTEXT)
class HostileRound2Properties {

    static ConfigurableApplicationContext app;
    static Http http;

    @BeforeContainer
    static void startService() {
        app = new SpringApplicationBuilder(CdsApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
                "--cds.security.mode=demo", "--spring.main.banner-mode=off");
        http = Http.local(((WebServerApplicationContext) app).getWebServer().getPort()).accepting(Http.JSON_TYPE);
    }

    @AfterContainer
    static void stop() {
        try {
            assertThat(http.get("/actuator/health").sendOrIoError().status()).isEqualTo(200);
        } finally {
            app.close();
        }
    }

    /** A patient-view whose newest magnesium (an hour old) has the given JSON number text as its value. */
    static String patientViewWithMagnesium(String numberText) {
        ObjectNode req = HookRequests.valid(HookRequests.PATIENT_VIEW, "p1");
        ObjectNode mg = HookRequests.magnesium("mg1", "p1", "1.25", "mg/dL", Instant.now().minusSeconds(3600).toString());
        ((ObjectNode) req.get("prefetch")).set("magnesium", HookRequests.bundle(List.of(mg)));
        return req.toString().replace("1.25", numberText);
    }

    static String cardsText(Http.Answer a) {
        JsonNode cards = HookRequests.JSON.readTree(a.body()).path("cards");
        StringBuilder sb = new StringBuilder();
        cards.forEach(c -> sb.append(c.path("summary").asString()).append('\n').append(c.path("detail").asString())
                .append('\n'));
        return sb.toString();
    }

    // --- 12.1: decimals are bounded where they enter; an out-of-bounds or implausible value is "could not check"

    @Provide
    Arbitrary<String> unboundedNumbers() {
        Arbitrary<String> hugeExponent = Arbitraries.integers().between(21, 999_999_999).map(e -> "1E+" + e);
        Arbitrary<String> tinyExponent = Arbitraries.integers().between(21, 999_999_999).map(e -> "1E-" + e);
        Arbitrary<String> manyDigits = Arbitraries.strings().numeric().ofMinLength(31).ofMaxLength(900)
                .map(d -> "1." + d + "1");
        Arbitrary<String> hugeInteger = Arbitraries.integers().between(22, 900).map(n -> "9".repeat(n));
        return Arbitraries.oneOf(hugeExponent, tinyExponent, manyDigits, hugeInteger);
    }

    @Property(tries = 60, seed = "20261202", shrinking = ShrinkingMode.OFF)
    void unboundedDecimalInPrefetch_isCouldNotCheckNeverA5xxNorAHugeCard(@ForAll("unboundedNumbers") String number) {
        Http.Answer a = http.post(HookRequests.PATIENT_VIEW, patientViewWithMagnesium(number)).sendOrIoError();
        Answers.assertWellFormed(a, true, "Mg value " + Answers.head(number));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.millis()).as("answer time").isLessThan(10_000);
        assertThat(a.body().length()).as("answer size").isLessThan(32 * 1024);
        String text = cardsText(a).toLowerCase(java.util.Locale.ROOT);
        assertThat(text).contains("could not check").contains("magnesium").contains("not a number this service can read");
    }

    @Example
    void theReviewsExactValues_areCouldNotCheck() {
        for (String number : List.of("1E+999999999", "1E-100000000", "1E+10000000")) {
            Http.Answer a = http.post(HookRequests.PATIENT_VIEW, patientViewWithMagnesium(number)).sendOrIoError();
            assertThat(a.status()).as(number).isEqualTo(200);
            assertThat(a.body().length()).as(number).isLessThan(32 * 1024);
            assertThat(cardsText(a).toLowerCase(java.util.Locale.ROOT)).as(number).contains("could not check");
        }
    }

    @Example
    void implausibleMagnesium_isADataErrorOnTheCardNotAGrade() {
        for (String number : List.of("0.000", "40", "-1")) {
            Http.Answer a = http.post(HookRequests.PATIENT_VIEW, patientViewWithMagnesium(number)).sendOrIoError();
            assertThat(a.status()).as(number).isEqualTo(200);
            String text = cardsText(a);
            assertThat(text).as(number).contains("data error").doesNotContain("evere hypomagnesemia")
                    .doesNotContain("ypermagnesemia");
        }
    }

    // --- 12.8: every answer an OperationOutcome

    @Example
    void errorPathAndTrace_areOperationOutcomes() {
        for (String[] call : new String[][] {{"GET", "/error"}, {"POST", "/error"}, {"TRACE", "/cds-services"},
                {"TRACE", "/"}, {"TRACE", "/error"}}) {
            Http.Answer a = http.request(call[0], call[1]).sendOrIoError();
            assertThat(a.status()).as("%s %s", call[0], call[1]).isBetween(400, 499);
            JsonNode body = HookRequests.JSON.readTree(a.body());
            assertThat(body.path("resourceType").asString()).as("%s %s: %s", call[0], call[1], a.body())
                    .isEqualTo("OperationOutcome");
            assertThat(a.body()).doesNotContain("999").doesNotContain("\"error\":\"None\"");
        }
    }

    // --- 12.6: demo mode answers loopback Host names only

    @Example
    void demoMode_refusesANonLoopbackHost() throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String answer = Http.rawExchange(port,
                "GET /cds-services HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 403").contains("OperationOutcome").doesNotContain("\"services\"");
        assertThat(http.get("/cds-services").sendOrIoError().status()).isEqualTo(200);
    }

    @Example
    void demoMode_listensOnLoopbackOnly_evenWhenAskedForAllInterfaces() {
        ConfigurableApplicationContext other = new SpringApplicationBuilder(CdsApplication.class).run("--server.port=0",
                "--server.address=0.0.0.0", "--cds.security.mode=demo", "--spring.main.banner-mode=off");
        try {
            org.springframework.boot.web.server.WebServer server = ((WebServerApplicationContext) other).getWebServer();
            org.springframework.boot.tomcat.TomcatWebServer tomcat = (org.springframework.boot.tomcat.TomcatWebServer) server;
            String address = String.valueOf(tomcat.getTomcat().getConnector().getProperty("address"));
            assertThat(address).as("connector address").matches(".*(127\\.0\\.0\\.1|localhost|::1|0:0:0:0:0:0:0:1).*");
        } finally {
            other.close();
        }
    }

    // --- 12.7: dot ids never become a path segment

    @Example
    void dotPatientIds_are400() {
        for (String id : List.of("..", ".")) {
            Http.Answer a = http.post(HookRequests.PATIENT_VIEW, HookRequests.valid(HookRequests.PATIENT_VIEW, id)
                    .toString()).sendOrIoError();
            assertThat(a.status()).as(id).isEqualTo(400);
            assertThat(a.body()).contains("CDS-400-PATIENT");
        }
    }
}
