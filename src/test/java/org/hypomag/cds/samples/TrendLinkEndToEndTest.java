package org.hypomag.cds.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: the alert, drug-cause and order-hook cards carry one CDS Hooks Link of type {@code smart} to the trend
 * app ("Magnesium trend", no appContext); other cards carry none; with {@code cds.smart.enabled=false} no card
 * carries one. In demo mode without a configured URL the link is this service's own base + /smart/launch.html.
 * The requests are those of hooks/ (same context as CardWritingTest: demo mode, clock at the samples' date).
 */
class TrendLinkEndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<JsonNode> cards(int port, String file) throws Exception {
        String body = Files.readString(Path.of("hooks", file));
        String hook = JSON.readTree(body).path("hook").asString();
        Http.Answer r = Http.local(port).post("/cds-services/hypomagnesemia-" + hook, body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).path("cards").forEach(out::add);
        assertThat(out).as(file + " raises cards").isNotEmpty();
        return out;
    }

    static boolean linkedTopic(String topic) {
        return topic.equals("hypomag-alert") || topic.equals("hypomag-drug-cause") || topic.startsWith("hypomag-order-");
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
    class Enabled {

        @LocalServerPort
        int port;

        @ParameterizedTest
        @ValueSource(strings = {"patient-view-severe-ckd-prefetch.json", "patient-view-emergency-torsades-prefetch.json",
                "order-select-mgso4-overdose-severe-ckd-prefetch.json", "order-select-furosemide-moderate-ppi-prefetch.json",
                "order-sign-mgso4-overdose-severe-ckd-prefetch.json"})
        void linkedCards_carryOneSmartLinkToTheLaunchUrl_othersNone(String file) throws Exception {
            List<JsonNode> cards = cards(port, file);
            assertThat(cards).as(file + ": at least one card is linked")
                    .anySatisfy(c -> assertThat(linkedTopic(c.at("/source/topic/code").asString())).isTrue());
            for (JsonNode card : cards) {
                String topic = card.at("/source/topic/code").asString();
                if (linkedTopic(topic)) {
                    assertThat(card.path("links")).as(topic).hasSize(1);
                    JsonNode link = card.path("links").get(0);
                    assertThat(link.path("type").asString()).isEqualTo("smart");
                    assertThat(link.path("label").asString()).isEqualTo("Magnesium trend");
                    assertThat(link.path("url").asString()).isEqualTo("http://127.0.0.1:" + port + "/smart/launch.html");
                    assertThat(link.has("appContext")).isFalse();
                } else {
                    assertThat(card.has("links")).as(topic + " carries no link").isFalse();
                }
            }
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z", "cds.smart.enabled=false"})
    class Disabled {

        @LocalServerPort
        int port;

        @ParameterizedTest
        @ValueSource(strings = {"patient-view-severe-ckd-prefetch.json",
                "order-select-mgso4-overdose-severe-ckd-prefetch.json"})
        void noCardCarriesALink(String file) throws Exception {
            assertThat(cards(port, file)).allSatisfy(c -> assertThat(c.has("links")).isFalse());
        }
    }
}
