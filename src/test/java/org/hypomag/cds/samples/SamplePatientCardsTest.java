package org.hypomag.cds.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every sample patient through patient-view with full prefetch (built from its bundle the way a FHIR server
 * holding it would answer the discovery templates): the headline card of fhir-samples/README.md — its type,
 * indicator and first suggested dose — so a newcomer opening any sample sees the card the table promises.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
class SamplePatientCardsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @CsvSource(nullValues = "-", value = {
        "01-severe-ckd.json,                hypomag-alert,          critical, 2",
        "02-severe-adult.json,              hypomag-alert,          critical, 4",
        "03-moderate-ppi.json,              hypomag-alert,          warning,  2",
        "04-mild-loop-thiazide.json,        hypomag-alert,          info,     -",
        "05-ckd5-no-dialysis.json,          hypomag-alert,          warning,  -",
        "06-dialysis.json,                  hypomag-alert,          critical, -",
        "07-emergency-torsades.json,        hypomag-alert,          critical, 1",
        "08-child-moderate.json,            hypomag-alert,          warning,  0.625",
        "09-tacrolimus-transplant.json,     hypomag-alert,          warning,  2",
        "10-cisplatin.json,                 hypomag-alert,          critical, 2",
        "11-snomed-only-chlorthalidone.json, hypomag-alert,         info,     -",
        "12-text-only-omeprazole.json,      hypomag-alert,          warning,  2",
        "13-si-units.json,                  hypomag-alert,          warning,  2",
        "14-stale-low-mg.json,              hypomag-stale-recheck,  info,     -",
        "15-entered-in-error-mg.json,       -,                      -,        -",
        "16-ppi-monitoring-gap.json,        hypomag-monitoring-gap, info,     -",
        "17-hypermagnesemia.json,           hypomag-hypermag,       warning,  -",
        "18-no-labs.json,                   -,                      -,        -",
        "19-normal-mg-ppi.json,             -,                      -,        -",
        "20-recovered-hypocalcemia.json,    hypomag-persistent-hypocalcemia, info, 4",
        "21-unknown-renal.json,             hypomag-alert,          warning,  1",
        "22-torsades-no-mg.json,            hypomag-urgent-mg,      info,     -",
        "23-mg-no-unit.json,                hypomag-could-not-check, info,    -",
        "24-child-no-weight.json,           hypomag-alert,          warning,  -",
        "25-mg-below-limit.json,            hypomag-alert,          critical, 4"})
    void samplePatient_raisesTheCardOfTheReadme(String file, String topic, String indicator, BigDecimal dose)
            throws Exception {
        Path bundle = SampleFiles.SAMPLES.resolve(file);
        String patientId = SampleFiles.patientIdOf(bundle);
        ObjectNode request = JSON.createObjectNode();
        request.put("hook", "patient-view");
        request.put("hookInstance", "0b7c6f6e-8a51-4df8-9f39-1f3f0c6d" + String.format("%04d", file.hashCode() & 0xfff));
        request.putObject("context").put("patientId", patientId).put("userId", "Practitioner/example");
        request.set("prefetch", new PrefetchBuilder(JSON).prefetch(JSON.readTree(SampleFiles.read(bundle)), patientId));
        Http.Answer r = Http.local(port).post("/cds-services/hypomagnesemia-patient-view", request.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode cards = JSON.readTree(r.body()).path("cards");
        if (topic == null) {
            assertThat(cards.size()).as(cards.toString()).isZero();
            return;
        }
        JsonNode card = null;
        for (JsonNode c : cards) {
            if (c.at("/source/topic/code").asString().equals(topic)) {
                card = c;
            }
        }
        assertThat(card).as(file + ": " + cards).isNotNull();
        assertThat(card.path("indicator").asString()).isEqualTo(indicator);
        java.util.List<String> order = java.util.List.of("critical", "warning", "info");
        for (int i = 1; i < cards.size(); i++) {
            assertThat(order.indexOf(cards.get(i).path("indicator").asString()))
                    .as("cards are ordered by indicator").isGreaterThanOrEqualTo(
                            order.indexOf(cards.get(i - 1).path("indicator").asString()));
        }
        if (dose != null) {
            JsonNode first = card.at("/suggestions/0/actions/0/resource");
            assertThat(first.at("/dosageInstruction/0/doseAndRate/0/doseQuantity/value").decimalValue())
                    .isEqualByComparingTo(dose);
            assertThat(first.at("/dosageInstruction/0/doseAndRate/0/doseQuantity/code").asString()).isEqualTo("g");
        }
    }
}
