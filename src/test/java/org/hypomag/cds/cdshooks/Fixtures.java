package org.hypomag.cds.cdshooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hypomag.cds.clinical.Code;
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
import org.hypomag.cds.knowledge.CardTextsLoader;

/** Hand-built clinical values for renderer tests (the numbers of hypomagnesemia.md §5.3). */
final class Fixtures {

    static final CardTexts CARDS = CardTextsLoader.loadDefault();
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final String LOINC = "http://loinc.org";

    /** Clinical sentences as texts.yaml would hold them (keys used by the regimens below). */
    static final Texts TEXTS = new Texts("test", Stream.of(
            entry("label.t-hosp-iv-sev", "Magnesium sulfate IV, severe, stable (T-HOSP-IV-SEV)"),
            entry("label.t-sev-stable", "Loading dose, only if symptomatic (T-SEV-STABLE)"),
            entry("label.t-hosp-iv-mod", "Magnesium sulfate IV, moderate (T-HOSP-IV-MOD)"),
            entry("label.t-hosp-iv-mild", "Magnesium sulfate IV, mild (T-HOSP-IV-MILD)"),
            entry("label.t-oral", "Oral magnesium (T-ORAL)"),
            entry("repeat.sev", "Repeat if needed until plasma magnesium is above 1.0 mg/dL."),
            entry("recheck.iv", "Measure plasma magnesium daily."),
            entry("recheck.oral", "Re-check magnesium in a few days."),
            entry("warn.hypermag-risk", "Risk of hypermagnesemia: monitor plasma magnesium closely."),
            entry("renal.cut", "Dose halved: eGFR 15 to 30."),
            entry("reason.mg-after", "Magnesium 6 to 12 h after the infusion (D8)."),
            entry("reason.k", "Sulfate increases potassium loss (D8)."),
            entry("reason.ca", "Calcium is low (D8)."),
            entry("reason.creat", "Kidney function unknown (D6)."),
            entry("reason.recheck", "Last magnesium is stale (D3)."),
            entry("reason.gap", "No magnesium on a magnesium-wasting drug (D10)."),
            entry("note.weight-needed", "A weight within 30 days is needed for a child's dose; no dose is given."),
            entry("note.dialysis", "Severe hypomagnesemia is unlikely on dialysis without another loss; treat that cause."))
            .collect(Collectors.toMap(Texts.Entry::key, e -> e)));

    private Fixtures() {
    }

    private static Texts.Entry entry(String key, String text) {
        return new Texts.Entry(key, text, "test", false, false);
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
                ruleId.equals("T-HOSP-IV-SEV") ? "repeat.sev" : null, "recheck.iv", List.of());
    }

    static MgSulfateRegimen moderateIv() {
        return iv("T-HOSP-IV-MOD", "label.t-hosp-iv-mod", false, "2", "2", "4", 240, 720);
    }

    static MgSulfateRegimen severeIv() {
        return iv("T-HOSP-IV-SEV", "label.t-hosp-iv-sev", true, "4", "4", "8", 720, 1440);
    }

    static MgSulfateRegimen loadingIfSymptomatic() {
        BigDecimal g = new BigDecimal("1");
        return new MgSulfateRegimen("T-SEV-STABLE", List.of("T-SEV-STABLE", "D5"), "label.t-sev-stable", false, true,
                g, meq(g), g, new BigDecimal("2"), meq(g), meq(new BigDecimal("2")), "D5W", List.of(), 50, 5, 60, 60,
                "IV", null, null, false, null, "recheck.iv", List.of());
    }

    /** A 12.4 kg child, severe: 25 mg/kg = 0.31 g over 24 h. */
    static MgSulfateRegimen childSevere(SourceRef weight) {
        BigDecimal g = new BigDecimal("0.31");
        PaediatricDose p = new PaediatricDose(new BigDecimal("25"), new BigDecimal("25"), new BigDecimal("50"),
                new BigDecimal("12.4"), weight, new BigDecimal("2"), false);
        return new MgSulfateRegimen("T-HOSP-IV-SEV", List.of("T-HOSP-IV-SEV", "T-PEDS", "D7"), "label.t-hosp-iv-sev",
                true, false, g, meq(g), g, new BigDecimal("0.62"), meq(g), meq(new BigDecimal("0.62")), "D5W",
                List.of(), null, 720, 1440, 1440, "IV", p, null, false, "repeat.sev", "recheck.iv", List.of());
    }

    static MgSulfateRegimen renalCutModerate() {
        BigDecimal g = new BigDecimal("1");
        return new MgSulfateRegimen("T-HOSP-IV-MOD", List.of("T-HOSP-IV-MOD", "D6", "D15"), "label.t-hosp-iv-mod",
                true, false, g, meq(g), g, new BigDecimal("2"), meq(g), meq(new BigDecimal("2")), "D5W", List.of(),
                null, 240, 720, 720, "IV", null, new RenalCut(RenalBand.REDUCED_15_30, new BigDecimal("0.5"),
                "renal.cut"), true, null, "recheck.iv", List.of("warn.hypermag-risk"));
    }

    static OralRegimen oral(boolean recommended) {
        return new OralRegimen("T-ORAL", List.of("T-ORAL", "D5"), "label.t-oral", recommended, new BigDecimal("240"),
                new BigDecimal("240"), new BigDecimal("1000"), 2, 4, null, false, "recheck.oral", List.of());
    }

    static MonitoringOrder mgAfterInfusion() {
        return new MonitoringOrder("D8", MonitoringKind.MG_AFTER_INFUSION,
                new Code(LOINC, "19123-9", "Magnesium [Mass/volume] in Serum or Plasma"), "Serum magnesium", 6, 12,
                "reason.mg-after");
    }

    static MonitoringOrder lab(MonitoringKind kind, String code, String display, String label, String ruleId,
                               String reasonKey) {
        return new MonitoringOrder(ruleId, kind, new Code(LOINC, code, display), label, null, null, reasonKey);
    }

    static MonitoringOrder potassium() {
        return lab(MonitoringKind.POTASSIUM, "2823-3", "Potassium [Moles/volume] in Serum or Plasma",
                "Serum potassium", "D8", "reason.k");
    }

    static MonitoringOrder calcium() {
        return lab(MonitoringKind.CALCIUM, "17861-6", "Calcium [Mass/volume] in Serum or Plasma",
                "Serum calcium", "D8", "reason.ca");
    }

    static MonitoringOrder creatinine() {
        return lab(MonitoringKind.CREATININE, "2160-0", "Creatinine [Mass/volume] in Serum or Plasma",
                "Serum creatinine", "D6", "reason.creat");
    }

    static BigDecimal meq(BigDecimal grams) {
        return grams.multiply(new BigDecimal("8.12")).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
