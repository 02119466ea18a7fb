package org.hypomag.cds.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.testing.Http.JSON;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Issue 16 goal 3: issued cards are written behind the request (here held up to 1 s or 1,000 cards); analytics
 * still counts the cards of a call answered just before, without any feedback read in between.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.store.ledger-batch.interval=1s",
                "cds.store.ledger-batch.rows=1000"})
class AnalyticsAfterWriteBehindTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String dir = "./target/analytics-wb-" + UUID.randomUUID();
        registry.add("cds.store.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;

    @Test
    void theCardsOfACallJustAnswered_areCounted() {
        Http.Answer call = Http.local(port).post("/cds-services/hypomagnesemia-patient-view",
                Fixtures.hook("patient-view-severe-ckd-prefetch.json").put("hookInstance", UUID.randomUUID().toString())
                        .toString()).send();
        assertThat(call.status()).as(call.body()).isEqualTo(200);
        int cards = JSON.readTree(call.body()).path("cards").size();
        assertThat(cards).isPositive();

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Http.Answer r = Http.local(port).get("/analytics/cards.json?from=" + today + "&to=" + today).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long issued = 0;
        for (JsonNode type : JSON.readTree(r.body()).path("cardTypes")) {
            issued += type.path("issued").asLong();
        }
        assertThat(issued).isEqualTo(cards);
    }
}
