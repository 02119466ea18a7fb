package org.hypomag.cds.cards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DoseTable;
import org.hypomag.cds.clinical.IvRow;
import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.MonitoringKind;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.OralRegimen;
import org.hypomag.cds.clinical.OralRow;
import org.hypomag.cds.clinical.Orderables;
import org.hypomag.cds.clinical.PaediatricDose;
import org.hypomag.cds.clinical.RenalBand;
import org.hypomag.cds.clinical.RenalCut;
import org.hypomag.cds.clinical.TextKeys;
import org.hypomag.cds.knowledge.CardTexts;

/**
 * Every suggested order the knowledge's dose tables can give, for the encoding tests: each IV row (and the
 * severe renal row) at its low and high dose, halved (D6), as the child dose of a range of weights (D7, with the
 * cap), at its shortest and longest duration and a duration that is not whole hours, once and repeated daily
 * (D17); both oral rows; every lab kind with each orderable code and re-check window. Public for the cdshooks
 * test of the order fingerprints.
 */
public final class OrderSamples {

    /** Patient ids, draft ids and reasons, plain and odd (quotes, backslashes, unicode, control characters). */
    static final List<String> PATIENTS = List.of("p1", "Pat-01.x", "a\"b", "back\\slash", "√©漢字\uD83D\uDE00",
            "tab\tnew\nline\u0001\u001f\u007f\u2028", "x/_history/2", "a/b", "urn:uuid:1", "has#hash", "trail/", " ");
    static final List<String> IDS = java.util.Arrays.asList(null, "draft-1", "a\"b\\c", "x/_history/2",
            "http://ehr/MedicationRequest/9/_history/3", "é", "", " ", "trail/", ".", "..", "#local", "urn:uuid:9", "urn:x/_history/2");
    static final List<String> REASONS = java.util.Arrays.asList(null, "", "  ", "Moderate hypomagnesemia",
            "quote \" backslash \\ tab\t</script> ∆ \u0000");

    private OrderSamples() {
    }

    /** Both the shipped texts and the texts with a verified RxNorm coding. */
    static List<CardTexts> texts() {
        CardTexts t = Fixtures.CARDS;
        CardTexts.OrderCodings o = t.orders();
        CardTexts.OrderCodings withRx = new CardTexts.OrderCodings(o.ivMedication(),
                new CardTexts.Coded("http://www.nlm.nih.gov/research/umls/rxnorm", "6585", "magnesium \"sulfate\"", null),
                o.ivRoute(), o.oralRoute(), o.medicationText());
        Map<String, String> fragments = new HashMap<>(t.fragments());
        fragments.put("oral-medication", fragments.get("oral-medication") + " \"x\" \\ \u0002 é");
        return List.of(t, new CardTexts(t.version(), t.sourceLabel(), t.topicSystem(), t.cards(), fragments,
                t.overrideReasons(), withRx));
    }

    static List<MgSulfateRegimen> ivRegimens() {
        DoseTable table = Fixtures.KNOWLEDGE.doses();
        List<IvRow> rows = new ArrayList<>(table.iv().values());
        rows.sort(java.util.Comparator.comparing(IvRow::ruleId));
        rows.add(table.severeRenal());
        List<MgSulfateRegimen> out = new ArrayList<>();
        for (IvRow row : rows) {
            List<BigDecimal> doses = new ArrayList<>(List.of(row.gramsLow(), row.gramsHigh(),
                    row.gramsLow().multiply(table.renalFactor()), row.gramsHigh().multiply(table.renalFactor())));
            List<Integer> durations = List.of(row.durationMinMinutes(), row.durationMaxMinutes(),
                    (row.durationMinMinutes() + row.durationMaxMinutes()) / 2 + 1);
            for (BigDecimal dose : doses) {
                for (int minutes : durations) {
                    out.add(regimen(row, dose, minutes, null, false));
                    out.add(regimen(row, dose, minutes, null, true));
                }
            }
            DoseTable.Paediatric p = table.paediatric();
            for (int tenthKg = 5; tenthKg <= 1200; tenthKg += 37) {
                BigDecimal kg = BigDecimal.valueOf(tenthKg, 1);
                for (BigDecimal factor : List.of(BigDecimal.ONE, table.renalFactor())) {
                    BigDecimal upper = p.capGrams().min(row.gramsHigh());
                    BigDecimal weightBased = p.mgPerKgDefault().multiply(kg).divide(BigDecimal.valueOf(1000));
                    BigDecimal dose = weightBased.min(upper).multiply(factor).setScale(3, RoundingMode.FLOOR);
                    if (dose.signum() > 0) {
                        PaediatricDose peds = new PaediatricDose(p.mgPerKgDefault().multiply(factor), p.mgPerKgLow(),
                                p.mgPerKgHigh(), kg, Fixtures.at("Observation/w", "2026-11-20T08:00:00Z"),
                                p.capGrams(), weightBased.compareTo(upper) > 0);
                        out.add(regimen(row, dose, row.durationMaxMinutes(), peds, tenthKg % 2 == 0));
                    }
                }
            }
        }
        return out;
    }

    static MgSulfateRegimen regimen(IvRow row, BigDecimal dose, int minutes, PaediatricDose peds, boolean daily) {
        boolean cut = dose.compareTo(row.gramsLow()) < 0 && peds == null;
        RenalCut renal = cut ? new RenalCut(RenalBand.REDUCED_15_30, Fixtures.KNOWLEDGE.doses().renalFactor(),
                TextKeys.RENAL_CUT_REDUCED) : null;
        Integer daysMin = daily ? (row.repeatDaysMin() == null ? Integer.valueOf(3) : row.repeatDaysMin()) : null;
        Integer daysMax = daily ? (row.repeatDaysMax() == null ? Integer.valueOf(5) : row.repeatDaysMax()) : null;
        return new MgSulfateRegimen(row.ruleId(), List.of(row.ruleId(), "D5"), row.labelKey(), true, false, dose,
                Fixtures.meq(dose), dose, row.gramsHigh(), Fixtures.meq(dose), Fixtures.meq(row.gramsHigh()),
                row.diluent(), row.alternativeDiluents(), row.volumeMl(), row.durationMinMinutes(),
                row.durationMaxMinutes(), minutes, "IV", peds, renal, cut, row.repeatTextKey(), row.recheckTextKey(),
                cut ? List.of(TextKeys.RENAL_CKD_CAUTION) : List.of(), daysMin, daysMax);
    }

    static List<OralRegimen> oralRegimens() {
        DoseTable table = Fixtures.KNOWLEDGE.doses();
        List<OralRegimen> out = new ArrayList<>();
        for (OralRow row : List.of(table.oral(), table.oralRenal())) {
            boolean cut = row == table.oralRenal();
            for (BigDecimal mg : List.of(row.mgPerDayLow(), row.mgPerDayHigh())) {
                out.add(new OralRegimen(row.ruleId(), List.of(row.ruleId(), "D5"), row.labelKey(), true, mg,
                        row.mgPerDayLow(), row.mgPerDayHigh(), row.dividedDosesMin(), row.dividedDosesMax(),
                        cut ? new RenalCut(RenalBand.UNKNOWN, table.renalFactor(), TextKeys.RENAL_CUT_UNKNOWN) : null,
                        cut, row.recheckTextKey(), List.of(TextKeys.ORAL_SLOW_RELEASE, TextKeys.ORAL_MGO,
                        TextKeys.ORAL_DIARRHOEA, TextKeys.ORAL_LABEL)));
            }
        }
        return out;
    }

    static List<MonitoringOrder> labs() {
        Orderables o = Fixtures.KNOWLEDGE.orderables();
        List<Code> codes = List.of(o.magnesium(), o.potassium(), o.calcium(), o.creatinine(),
                new Code(null, "19123-9", null), new Code("http://loinc.org", "x\"\\y", "odd \"display\"\n"));
        List<MonitoringOrder> out = new ArrayList<>();
        for (MonitoringKind kind : MonitoringKind.values()) {
            for (Code code : codes) {
                out.add(new MonitoringOrder("D8", kind, code, code.display(), o.mgAfterInfusionHoursMin(),
                        o.mgAfterInfusionHoursMax(), TextKeys.REASON_MG_AFTER_INFUSION));
                out.add(new MonitoringOrder("D3", kind, code, "Serum magnesium", null, null, null));
            }
        }
        return out;
    }

    /** The CREATE actions of every sample order as the cards carry them (JSON text and fingerprint facts). */
    public static List<Action> actions() {
        List<Action> out = new ArrayList<>();
        int i = 0;
        for (CardTexts texts : texts()) {
            SuggestedOrders orders = new SuggestedOrders(texts, new OrderWording(texts, Fixtures.TEXTS));
            for (MgSulfateRegimen r : ivRegimens()) {
                String patient = PATIENTS.get(i++ % PATIENTS.size());
                add(out, orders.ivOrder(patient, r, REASONS.get(i % REASONS.size()), IDS.get(i % IDS.size())));
            }
            for (OralRegimen r : oralRegimens()) {
                add(out, orders.oralOrder(PATIENTS.get(i++ % PATIENTS.size()), r, "Oral"));
            }
            for (MonitoringOrder m : labs()) {
                add(out, orders.labOrder(PATIENTS.get(i++ % PATIENTS.size()), m, REASONS.get(i % REASONS.size())));
            }
        }
        return out;
    }

    private static void add(List<Action> out, SuggestedOrders.Written w) {
        out.add(new Action(ActionType.CREATE, "sample", w.json(), null, w.facts()));
    }
}
