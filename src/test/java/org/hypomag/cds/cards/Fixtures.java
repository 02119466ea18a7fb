package org.hypomag.cds.cards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.MonitoringKind;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.OralRegimen;
import org.hypomag.cds.clinical.PaediatricDose;
import org.hypomag.cds.clinical.RenalBand;
import org.hypomag.cds.clinical.RenalCut;
import org.hypomag.cds.clinical.SourceRef;
import org.hypomag.cds.clinical.Texts;
import org.hypomag.cds.knowledge.CardTexts;
import org.hypomag.cds.knowledge.KnowledgeLoader;

/** Hand-built clinical values for renderer tests (the numbers of hypomagnesemia.md §5.3). */
final class Fixtures {

    static final CardTexts CARDS = KnowledgeLoader.loadDefaultBundle().cards();
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final String LOINC = "http://loinc.org";

    static final Knowledge KNOWLEDGE = KnowledgeLoader.loadDefault();
    static final Texts TEXTS = KNOWLEDGE.texts();

    private Fixtures() {
    }

    static SourceRef at(String reference, String instant) {
        return new SourceRef(reference, Instant.parse(instant));
    }

    static MgSulfateRegimen iv(String ruleId, String label, boolean recommended, String dose, String low,
                               String high, int minMin, int maxMin) {
        BigDecimal g = new BigDecimal(dose);
        return new MgSulfateRegimen(ruleId, List.of(ruleId, "D5"), label, recommended, false, g, meq(g),
                new BigDecimal(low), new BigDecimal(high), meq(new BigDecimal(low)), meq(new BigDecimal(high)),
                "D5W", List.of(), null, minMin, maxMin, maxMin, "IV", null, null, false,
                ruleId.equals("T-HOSP-IV-SEV") ? "repeat.T-HOSP-IV" : null, "recheck.after-infusion", List.of());
    }

    static MgSulfateRegimen moderateIv() {
        return iv("T-HOSP-IV-MOD", "label.T-HOSP-IV-MOD", false, "2", "2", "4", 240, 720);
    }

    static MgSulfateRegimen severeIv() {
        return iv("T-HOSP-IV-SEV", "label.T-HOSP-IV-SEV", true, "4", "4", "8", 720, 1440);
    }

    static MgSulfateRegimen loadingIfSymptomatic() {
        BigDecimal g = new BigDecimal("1");
        return new MgSulfateRegimen("T-SEV-STABLE", List.of("T-SEV-STABLE", "D5"), "label.T-SEV-STABLE", false, true,
                g, meq(g), g, new BigDecimal("2"), meq(g), meq(new BigDecimal("2")), "D5W", List.of(), 50, 5, 60, 60,
                "IV", null, null, false, null, "recheck.after-infusion", List.of());
    }

    /** A 12.4 kg child, severe: 25 mg/kg = 0.31 g over 24 h. */
    static MgSulfateRegimen childSevere(SourceRef weight) {
        BigDecimal g = new BigDecimal("0.31");
        PaediatricDose p = new PaediatricDose(new BigDecimal("25"), new BigDecimal("25"), new BigDecimal("50"),
                new BigDecimal("12.4"), weight, new BigDecimal("2"), false);
        return new MgSulfateRegimen("T-HOSP-IV-SEV", List.of("T-HOSP-IV-SEV", "T-PEDS", "D7"), "label.T-HOSP-IV-SEV",
                true, false, g, meq(g), g, new BigDecimal("0.62"), meq(g), meq(new BigDecimal("0.62")), "D5W",
                List.of(), null, 720, 1440, 1440, "IV", p, null, false, "repeat.T-HOSP-IV", "recheck.after-infusion", List.of());
    }

    static MgSulfateRegimen renalCutModerate() {
        BigDecimal g = new BigDecimal("1");
        return new MgSulfateRegimen("T-HOSP-IV-MOD", List.of("T-HOSP-IV-MOD", "D6", "D15"), "label.T-HOSP-IV-MOD",
                true, false, g, meq(g), g, new BigDecimal("2"), meq(g), meq(new BigDecimal("2")), "D5W", List.of(),
                null, 240, 720, 720, "IV", null, new RenalCut(RenalBand.REDUCED_15_30, new BigDecimal("0.5"),
                "renal.cut.reduced"), true, null, "recheck.after-infusion", List.of("renal.hypermg-risk"));
    }

    static OralRegimen oral(boolean recommended) {
        return new OralRegimen("T-ORAL", List.of("T-ORAL", "D5"), "label.T-ORAL", recommended, new BigDecimal("240"),
                new BigDecimal("240"), new BigDecimal("1000"), 2, 4, null, false, "recheck.oral", List.of());
    }

    static MonitoringOrder mgAfterInfusion() {
        return new MonitoringOrder("D8", MonitoringKind.MG_AFTER_INFUSION,
                new Code(LOINC, "19123-9", "Magnesium [Mass/volume] in Serum or Plasma"), "Serum magnesium", 6, 12,
                "reason.mg-after-infusion");
    }

    static MonitoringOrder lab(MonitoringKind kind, String code, String display, String label, String ruleId,
                               String reasonKey) {
        return new MonitoringOrder(ruleId, kind, new Code(LOINC, code, display), label, null, null, reasonKey);
    }

    static MonitoringOrder potassium() {
        return lab(MonitoringKind.POTASSIUM, "2823-3", "Potassium [Moles/volume] in Serum or Plasma",
                "Serum potassium", "D8", "reason.potassium");
    }

    static MonitoringOrder calcium() {
        return lab(MonitoringKind.CALCIUM, "17861-6", "Calcium [Mass/volume] in Serum or Plasma",
                "Serum calcium", "D8", "reason.calcium");
    }

    static MonitoringOrder creatinine() {
        return lab(MonitoringKind.CREATININE, "2160-0", "Creatinine [Mass/volume] in Serum or Plasma",
                "Serum creatinine", "D6", "reason.creatinine");
    }

    static BigDecimal meq(BigDecimal grams) {
        return grams.multiply(new BigDecimal("8.12")).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
