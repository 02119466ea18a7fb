package org.hypomag.cds.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The comparison RealFhirServerIT relies on: per-call uuids and timestamps ignored, clinical content not. */
class CardViewTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode response(String cardUuid, String orderId, String authoredOn, String doseGrams) {
        return json.readTree("""
                {"cards":[{"uuid":"%s","summary":"Severe hypomagnesemia","indicator":"critical",
                 "suggestions":[{"label":"Order magnesium sulfate","uuid":"%s","actions":[{"type":"create",
                 "description":"d","resource":{"resourceType":"MedicationRequest","id":"%s","authoredOn":"%s",
                 "intent":"proposal","note":[{"text":"see %s"}],
                 "dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":%s,"unit":"g"}}]}]}}]}]}]}
                """.formatted(cardUuid, cardUuid, orderId, authoredOn, orderId, doseGrams));
    }

    @Test
    void sameCardsWithOtherUuidsAndTimestamps_areEqual() {
        assertThat(CardView.of(response("0b6a7f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b",
                "2026-11-23T21:00:00Z", "4")))
                .isEqualTo(CardView.of(response("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
                        "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d", "2026-11-23T21:00:07Z", "4")));
    }

    @Test
    void differentDoseInTheSuggestedOrder_isNotEqual() {
        assertThat(CardView.of(response("0b6a7f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "x", "t", "4")))
                .isNotEqualTo(CardView.of(response("0b6a7f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "x", "t", "2")));
    }

    @Test
    void suggestedResources_areTheActionResources() {
        assertThat(CardView.suggestedResources(response("u", "x", "t", "4")))
                .singleElement().satisfies(r -> assertThat(r.path("resourceType").asString())
                        .isEqualTo("MedicationRequest"));
    }
}
