package org.hypomag.cds.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.testing.Http.JSON;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Fixtures;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Real hook calls (demo mode, the sample requests of hooks/), real feedback, then the figures of
 * /analytics/cards.json and .csv on a fresh embedded database of this test's own.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
class AnalyticsEndToEndTest {

    private static final String PV = "hypomagnesemia-patient-view";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String dir = "./target/analytics-e2e-" + UUID.randomUUID();
        registry.add("cds.store.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;

    @Test
    void hooksAndFeedback_giveExactFiguresThatAddUp_inJsonAndCsv_andFiltersNarrowThem() {
        String patientId = Fixtures.hook("patient-view-severe-ckd-prefetch.json").at("/context/patientId").asString();
        JsonNode[] calls = {call(), call(), call()};
        for (JsonNode cards : calls) {
            assertThat(topics(cards)).containsExactly(ALERT, DRUG, MONITORING);
        }
        feedback(accepted(calls[0].get(0), "12:01"));
        feedback(overridden(calls[1].get(0), 0, "12:02"));
        feedback(overridden(calls[2].get(0), 1, "12:03"));
        feedback(accepted(calls[2].get(0), "12:05"));
        feedback(overridden(calls[0].get(1), 0, "12:04"));

        String day = "from=" + TODAY + "&to=" + TODAY;
        Http.Answer r = Http.local(port).get("/analytics/cards.json?" + day).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(patientId).doesNotContainIgnoringCase("key");
        JsonNode report = JSON.readTree(r.body());
        assertThat(report.path("knowledgeVersion").asString()).isNotBlank();
        JsonNode types = report.path("cardTypes");
        assertThat(types.size()).isEqualTo(3);
        // the third alert was overridden, then accepted later: counted once, as accepted
        assertFigures(types.get(0), ALERT, 3, 2, 1, 0);
        assertThat(types.get(0).path("acceptanceRate").asDouble()).isEqualTo(0.667);
        assertThat(types.get(0).path("overrideReasons").toString())
                .isEqualTo("[{\"code\":\"already-treated\",\"count\":1}]");
        assertThat(types.get(0).path("regimens").toString()).isEqualTo("[{\"regimen\":\"first\",\"count\":2}]");
        assertFigures(types.get(1), DRUG, 3, 0, 1, 2);
        assertThat(types.get(1).path("overrideReasons").toString())
                .isEqualTo("[{\"code\":\"drug-needed\",\"count\":1}]");
        assertFigures(types.get(2), MONITORING, 3, 0, 0, 3);
        JsonNode weeks = report.path("weeks");
        assertThat(weeks.size()).isEqualTo(1);
        assertThat(weeks.get(0).path("week").asString()).matches("\\d{4}-W\\d{2}");
        assertThat(weeks.get(0).path("issued").asLong()).isEqualTo(9);
        assertThat(weeks.get(0).path("accepted").asLong()).isEqualTo(2);
        assertThat(weeks.get(0).path("overridden").asLong()).isEqualTo(2);

        Http.Answer csv = Http.local(port).get("/analytics/cards.csv?" + day).send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String v = "\"" + report.path("knowledgeVersion").asString() + "\"";
        assertThat(csv.body()).doesNotContain(patientId).isEqualTo(CardsCsv.HEADER + "\r\n"
                + TODAY + "," + TODAY + "," + v + ",\"hypomag-alert\",3,2,1,0,0.667,"
                + "\"already-treated:1\",\"first:2\"\r\n"
                + TODAY + "," + TODAY + "," + v + ",\"hypomag-drug-cause\",3,0,1,2,0.0,\"drug-needed:1\",\"\"\r\n"
                + TODAY + "," + TODAY + "," + v + ",\"hypomag-monitoring\",3,0,0,3,0.0,\"\",\"\"\r\n");

        JsonNode alertOnly = json("/analytics/cards.json?" + day + "&cardType=" + ALERT).path("cardTypes");
        assertThat(alertOnly.size()).isEqualTo(1);
        assertFigures(alertOnly.get(0), ALERT, 3, 2, 1, 0);
        assertThat(json("/analytics/cards.json?" + day + "&service=hypomagnesemia-order-sign")
                .path("cardTypes").size()).isZero();
        assertThat(json("/analytics/cards.json?" + day + "&service=" + PV).path("cardTypes").size()).isEqualTo(3);
        String critical = json("/analytics/cards.json?" + day + "&indicator=critical").toString();
        assertThat(critical).contains(ALERT).doesNotContain(MONITORING);
        String yesterday = LocalDate.parse(TODAY).minusDays(1).toString();
        assertThat(json("/analytics/cards.json?from=" + yesterday + "&to=" + yesterday).path("cardTypes").size())
                .isZero();
    }

    @Test
    void badQueries_are400WithAnOperationOutcome() {
        for (String q : new String[] {"", "from=2026-12-01", "from=2026-12-01&to=2026-13-01",
                "from=2026-2-01&to=2026-12-01", "from=2026-02-30&to=2026-12-01", "from=2026-12-02&to=2026-12-01",
                "from=2024-01-01&to=2026-12-01", "from=2026-12-01&to=2026-12-01&service=other",
                "from=2026-12-01&to=2026-12-01&indicator=severe", "from=2026-12-01&to=2026-12-01&cardType=A%27B",
                "from=2026-12-01T00:00&to=2026-12-01"}) {
            for (String path : new String[] {"/analytics/cards.json?", "/analytics/cards.csv?"}) {
                Http.Answer r = Http.local(port).get(path + q).send();
                assertThat(r.status()).as(q).isEqualTo(400);
                assertThat(JSON.readTree(r.body()).path("resourceType").asString()).isEqualTo("OperationOutcome");
            }
        }
        // the bound itself: 800 days inclusive answer, 801 do not
        assertThat(Http.local(port).get("/analytics/cards.json?from=2024-10-29&to=2027-01-06").send().status())
                .isEqualTo(200);
        assertThat(Http.local(port).get("/analytics/cards.json?from=2024-10-28&to=2027-01-06").send().status())
                .isEqualTo(400);
    }

    private static final String ALERT = "hypomag-alert";
    private static final String DRUG = "hypomag-drug-cause";
    private static final String MONITORING = "hypomag-monitoring";
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    private static void assertFigures(JsonNode type, String code, long issued, long accepted, long overridden,
                                      long none) {
        assertThat(type.path("code").asString()).isEqualTo(code);
        assertThat(type.path("issued").asLong()).as(code).isEqualTo(issued);
        assertThat(type.path("accepted").asLong()).as(code).isEqualTo(accepted);
        assertThat(type.path("overridden").asLong()).as(code).isEqualTo(overridden);
        assertThat(type.path("noFeedback").asLong()).as(code).isEqualTo(none);
    }

    private JsonNode json(String path) {
        Http.Answer r = Http.local(port).get(path).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private void feedback(String body) {
        Http.Answer r = Http.local(port).post("/cds-services/" + PV + "/feedback", body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static List<String> topics(JsonNode cards) {
        List<String> out = new ArrayList<>();
        cards.forEach(c -> out.add(c.at("/source/topic/code").asString()));
        return out;
    }

    private JsonNode call() {
        Http.Answer r = Http.local(port).post("/cds-services/" + PV,
                Fixtures.hook("patient-view-severe-ckd-prefetch.json").put("hookInstance", UUID.randomUUID().toString())
                        .toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("cards");
    }

    static String overridden(JsonNode card, int reason, String time) {
        return "{\"feedback\":[{\"card\":\"" + card.path("uuid").asString() + "\",\"outcome\":\"overridden\","
                + "\"overrideReason\":{\"reason\":" + card.path("overrideReasons").get(reason).toString()
                + "},\"outcomeTimestamp\":\"2026-11-23T" + time + ":00Z\"}]}";
    }

    static String accepted(JsonNode card, String time) {
        return "{\"feedback\":[{\"card\":\"" + card.path("uuid").asString() + "\",\"outcome\":\"accepted\","
                + "\"acceptedSuggestions\":[{\"id\":\"" + card.at("/suggestions/0/uuid").asString() + "\"}],"
                + "\"outcomeTimestamp\":\"2026-11-23T" + time + ":00Z\"}]}";
    }
}
