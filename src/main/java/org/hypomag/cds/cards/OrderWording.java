package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.num;
import static org.hypomag.cds.cards.Wording.values;

import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.OralRegimen;
import org.hypomag.cds.clinical.PaediatricDose;
import org.hypomag.cds.clinical.Texts;
import org.hypomag.cds.knowledge.CardTexts;

/**
 * The plain-text wording of suggested orders: the one-line description (action.description, which is what
 * Epic shows) and the full dosage text (dose in g and mEq, diluent, duration, repeat and re-check rules).
 * All sentences come from cards.yaml and the clinical texts; numbers from the regimen.
 */
final class OrderWording {

    private final CardTexts cards;
    private final Texts texts;

    OrderWording(CardTexts cards, Texts texts) {
        this.cards = cards;
        this.texts = texts;
    }

    /** "Magnesium sulfate 2 g (16.2 mEq) in D5W IV over 4 h"; children add their mg/kg. */
    String describe(MgSulfateRegimen r) {
        String volume = r.volumeMl() == null ? " in" : " in " + r.volumeMl() + " mL";
        List<String> diluents = new ArrayList<>();
        diluents.add(diluent(r.diluent()));
        r.alternativeDiluents().forEach(d -> diluents.add(diluent(d)));
        String text = fill(cards.orders().medicationText(), values("dose", dose(r), "meq",
                num(r.doseMeq()), "volume", volume, "diluent", String.join(" or ", diluents), "duration",
                Wording.duration(r.durationMinutes())));
        PaediatricDose p = r.paediatric();
        if (p != null) {
            text += " (" + num(p.mgPerKg()) + " mg/kg x " + Wording.weight(p.weightKg()) + " kg)";
        }
        return r.onlyIfSymptomatic() ? cards.fragment("only-if-symptomatic") + text : text;
    }

    /** The suggestion label: the order, and its daily repeat when it has one (D17). */
    String label(MgSulfateRegimen r) {
        return describe(r) + (r.repeatedDaily() ? fill(cards.fragment("iv-daily"), values("daysMin",
                String.valueOf(r.repeatDaysMin()), "daysMax", String.valueOf(r.repeatDaysMax()))) : "");
    }

    /** The dose with its unit: grams; a child's in mg (whole mg: no 0.625 g on a card). */
    static String dose(MgSulfateRegimen r) {
        if (r.paediatric() != null || r.doseGrams().stripTrailingZeros().scale() > 2) {
            return num(r.doseGrams().multiply(java.math.BigDecimal.valueOf(1000))) + " mg";
        }
        return num(r.doseGrams()) + " g";
    }

    /** "4 to 8 g"; a child's range in mg. */
    static String range(MgSulfateRegimen r) {
        if (r.paediatric() != null || r.rangeLowGrams().stripTrailingZeros().scale() > 2
                || r.rangeHighGrams().stripTrailingZeros().scale() > 2) {
            java.math.BigDecimal k = java.math.BigDecimal.valueOf(1000);
            return Wording.range(r.rangeLowGrams().multiply(k), r.rangeHighGrams().multiply(k), "mg");
        }
        return Wording.range(r.rangeLowGrams(), r.rangeHighGrams(), "g");
    }

    String ivDosage(MgSulfateRegimen r) {
        String range = range(r) + " ("
                + Wording.range(r.rangeLowMeq(), r.rangeHighMeq(), "mEq") + ")";
        PaediatricDose p = r.paediatric();
        String paediatric = p == null ? "" : fill(cards.fragment("iv-paediatric"), values("mgPerKg",
                num(p.mgPerKg()), "weight", Wording.weight(p.weightKg()), "weightDate", Wording.date(p.weightSource()),
                "dose", dose(r), "mgPerKgLow", num(p.mgPerKgLow()), "mgPerKgHigh",
                num(p.mgPerKgHigh()), "cap", num(p.capGrams()), "capped",
                p.capApplied() ? cards.fragment("iv-capped") : ""));
        StringBuilder extras = new StringBuilder();
        for (String key : ivTextKeys(r)) {
            extras.append(' ').append(texts.text(key));
        }
        String daily = r.repeatedDaily() ? fill(cards.fragment("iv-daily"), values("daysMin",
                String.valueOf(r.repeatDaysMin()), "daysMax", String.valueOf(r.repeatDaysMax()))) : "";
        return fill(cards.fragment("iv-dosage"), values("describe", describe(r), "daily", daily, "range", range,
                "durations",
                Wording.durationRange(r.durationMinMinutes(), r.durationMaxMinutes()), "paediatric", paediatric,
                "extras", extras.toString()));
    }

    /** The clinical texts an IV order carries: repeat rule, re-check rule, warnings (keys of texts.yaml). */
    static List<String> ivTextKeys(MgSulfateRegimen r) {
        List<String> keys = new ArrayList<>();
        if (r.repeatTextKey() != null) {
            keys.add(r.repeatTextKey());
        }
        if (r.recheckTextKey() != null) {
            keys.add(r.recheckTextKey());
        }
        keys.addAll(r.warningTextKeys());
        return keys;
    }

    String describe(OralRegimen r) {
        return fill(cards.fragment("oral-describe"), values("mgPerDay", num(r.mgPerDay()), "dosesMin",
                String.valueOf(r.dividedDosesMin()), "dosesMax", String.valueOf(r.dividedDosesMax())));
    }

    String oralDosage(OralRegimen r) {
        StringBuilder text = new StringBuilder(fill(cards.fragment("oral-dosage"), values("describe", describe(r),
                "low", num(r.mgPerDayLow()), "high", num(r.mgPerDayHigh()), "renal",
                r.renalCut() != null || r.measureBeforeNextDose() ? cards.fragment("oral-renal") : "")));
        for (String key : r.adviceTextKeys()) {
            text.append(' ').append(texts.text(key));
        }
        if (r.recheckTextKey() != null) {
            text.append(' ').append(texts.text(r.recheckTextKey()));
        }
        return text.toString();
    }

    /** The short name of a suggested lab ("Serum magnesium"). */
    String labName(MonitoringOrder o) {
        return cards.fragment("lab-name-" + o.kind().name());
    }

    /** When a suggested lab is drawn. */
    String when(MonitoringOrder o) {
        return fill(cards.fragment("lab-when-" + o.kind().name()), values(
                "hoursMin", String.valueOf(o.hoursAfterMin()), "hoursMax", String.valueOf(o.hoursAfterMax())));
    }

    String diluent(String id) {
        return cards.fragments().containsKey("diluent-" + id) ? cards.fragment("diluent-" + id) : id;
    }
}
