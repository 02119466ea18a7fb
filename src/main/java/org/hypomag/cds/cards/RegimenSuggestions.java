package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.num;
import static org.hypomag.cds.cards.Wording.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.OralRegimen;
import org.hypomag.cds.clinical.PaediatricDose;
import org.hypomag.cds.clinical.Regimen;
import org.hypomag.cds.clinical.TextKeys;
import org.hypomag.cds.knowledge.CardTexts;

/**
 * Regimens (D5-D7) as card suggestions and as detail lines. Each suggestion is one complete order with ONE
 * action (Epic shows action.description and allows one action per suggestion); alternatives are at-most-one
 * with at most one recommended (the engine's first choice).
 */
final class RegimenSuggestions {

    private final CardTexts cards;
    private final Knowledge knowledge;
    private final OrderWording wording;
    private final SuggestedOrders orders;

    RegimenSuggestions(CardTexts cards, Knowledge knowledge, OrderWording wording, SuggestedOrders orders) {
        this.cards = cards;
        this.knowledge = knowledge;
        this.wording = wording;
        this.orders = orders;
    }

    List<Suggestion> suggestions(List<Regimen> regimens, String patientId, String reason) {
        List<Suggestion> out = new ArrayList<>();
        boolean recommendedGiven = false;
        for (Regimen r : regimens) {
            boolean recommended = r.recommended() && !recommendedGiven;
            recommendedGiven |= recommended;
            if (r instanceof MgSulfateRegimen iv) {
                out.add(CardFactory.suggestion(wording.label(iv), recommended, orders.ivOrder(patientId, iv, reason, null)));
            } else if (r instanceof OralRegimen oral) {
                out.add(CardFactory.suggestion(wording.describe(oral), recommended,
                        orders.oralOrder(patientId, oral, reason)));
            }
        }
        return out;
    }

    /** The order in words, as its suggestion label says it. */
    String describe(Regimen r) {
        return r instanceof MgSulfateRegimen iv ? wording.label(iv) : wording.describe((OralRegimen) r);
    }

    /** "2 g"; a child's dose in mg. */
    String dose(MgSulfateRegimen iv) {
        return OrderWording.dose(iv);
    }

    String diluent(String id) {
        return wording.diluent(id);
    }

    /** "MgSO4 2 g IV over 12 h" / "oral magnesium 240 mg/day" for the summary. */
    String shortForm(Regimen r) {
        if (r instanceof MgSulfateRegimen iv) {
            return fill(cards.fragment("short-iv"), values("dose", OrderWording.dose(iv),
                    "duration", Wording.duration(iv.durationMinutes())));
        }
        OralRegimen oral = (OralRegimen) r;
        return fill(cards.fragment("short-oral"), values("mgPerDay", num(oral.mgPerDay())));
    }

    /**
     * The regimens paragraph (or why there is none), then the D8 monitoring texts once for all IV regimens and
     * the oral re-check text once. Keys shown are added to {@code shown} so notes do not repeat them.
     */
    List<String> detail(List<Regimen> regimens, Set<String> shown) {
        List<String> out = new ArrayList<>();
        if (regimens.isEmpty()) {
            out.add(cards.fragment("no-suggestion"));
            return out;
        }
        boolean iv = AlertCards.hasIv(regimens);
        if (iv) { // shown once, after the list
            shown.add(TextKeys.MONITORING_WATCH);
            shown.add(TextKeys.MONITORING_ANTIDOTE);
        }
        StringBuilder lines = new StringBuilder(cards.fragment("regimens-heading"));
        for (Regimen r : regimens) {
            lines.append('\n').append(line(r, shown));
        }
        out.add(lines.toString());
        if (iv) {
            out.add(knowledge.texts().text(TextKeys.MONITORING_WATCH) + " "
                    + knowledge.texts().text(TextKeys.MONITORING_ANTIDOTE) + " " + cards.fragment("recheck-labs"));
        }
        regimens.stream().filter(r -> r instanceof OralRegimen).map(r -> ((OralRegimen) r).recheckTextKey())
                .filter(k -> k != null && shown.add(k)).forEach(k -> out.add(knowledge.texts().text(k)));
        return out;
    }

    private String line(Regimen r, Set<String> shown) {
        String label = knowledge.texts().text(r.labelKey());
        if (r instanceof MgSulfateRegimen iv) {
            return fill(cards.fragment("regimen-line"), values("label", label,
                    "dose", wording.describe(iv), "range", OrderWording.range(iv)
                            + " over " + Wording.durationRange(iv.durationMinMinutes(), iv.durationMaxMinutes()),
                    "extra", extra(iv, shown).trim()));
        }
        OralRegimen oral = (OralRegimen) r;
        return fill(cards.fragment("regimen-line"), values("label", label,
                "dose", wording.describe(oral), "range", Wording.range(oral.mgPerDayLow(), oral.mgPerDayHigh(),
                        "mg elemental magnesium per day"),
                "extra", oralExtra(oral, shown).trim()));
    }

    private String extra(MgSulfateRegimen iv, Set<String> shown) {
        StringBuilder s = new StringBuilder();
        PaediatricDose p = iv.paediatric();
        if (p != null) {
            s.append(fill(cards.fragment("regimen-paediatric"), values("mgPerKg", num(p.mgPerKg()),
                    "weight", Wording.weight(p.weightKg()), "weightDate", Wording.date(p.weightSource()),
                    "mgPerKgLow", num(p.mgPerKgLow()), "mgPerKgHigh", num(p.mgPerKgHigh()),
                    "cap", num(p.capGrams()), "capped", p.capApplied() ? cards.fragment("iv-capped") : "")));
        }
        List<String> keys = new ArrayList<>();
        if (iv.renalCut() != null && iv.renalCut().reasonTextKey() != null) {
            keys.add(iv.renalCut().reasonTextKey());
        }
        if (iv.holdNextDoseUntilMgResult()) {
            keys.add(TextKeys.RENAL_HOLD_NEXT);
        }
        if (iv.repeatTextKey() != null) {
            keys.add(iv.repeatTextKey());
        }
        keys.addAll(iv.warningTextKeys());
        appendOnce(s, keys, shown);
        return s.toString();
    }

    private String oralExtra(OralRegimen oral, Set<String> shown) {
        StringBuilder s = new StringBuilder(oral.measureBeforeNextDose() ? cards.fragment("oral-renal").trim() + " " : "");
        List<String> keys = new ArrayList<>();
        if (oral.renalCut() != null && oral.renalCut().reasonTextKey() != null) {
            keys.add(oral.renalCut().reasonTextKey());
        }
        keys.addAll(oral.adviceTextKeys());
        appendOnce(s, keys, shown);
        return s.toString();
    }

    /** Clinical texts not yet on the card, each once (a second regimen does not repeat the first one's). */
    private void appendOnce(StringBuilder s, List<String> keys, Set<String> shown) {
        for (String key : keys) {
            if (shown.add(key)) {
                s.append(knowledge.texts().text(key)).append(' ');
            }
        }
    }
}
