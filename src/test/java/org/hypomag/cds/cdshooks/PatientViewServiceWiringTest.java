package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.cards.Card;
import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.clinical.LabResult;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.clinical.ResultStatus;
import org.hypomag.cds.clinical.Sex;
import org.hypomag.cds.clinical.SourceRef;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The service as Spring wires it: knowledge and card texts load at startup, cards come out of the call. */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PatientViewServiceWiringTest {

    @Autowired
    PatientViewService service;

    @Test
    void severeMagnesium_throughTheWiredService_givesCriticalAlertCarryingTheKnowledgeVersion() {
        LabResult mg = new LabResult(Analyte.MAGNESIUM, new Code("http://loinc.org", "19123-9", null),
                new BigDecimal("0.80223"), null, "0.33 mmol/L", ResultStatus.FINAL,
                new SourceRef("Observation/mg", Instant.parse("2026-11-22T08:00:00Z")), null, null, null);
        PatientSnapshot snapshot = new PatientSnapshot("p9", LocalDate.parse("1970-01-01"), Sex.FEMALE, List.of(mg),
                List.of(), List.of(), List.of(), Map.of());
        List<Card> cards = service.cards(snapshot, new HookCall(service.id(), "patient-view", "h1", "p9", null, null),
                Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(cards.get(0).indicator()).isEqualTo(IndicatorLevel.CRITICAL);
        assertThat(cards.get(0).summary()).startsWith("Severe hypomagnesemia: Mg 0.8 mg/dL on 2026-11-22"); // 1 decimal for display (D1)
        assertThat(cards.get(0).detail()).contains("(reported 0.33 mmol/L)");
        assertThat(cards.get(0).source().label()).isEqualTo("Hypomagnesemia CDS (knowledge 2026.11.1)");
    }
}
