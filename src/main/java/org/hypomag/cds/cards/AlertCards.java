package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.md;
import static org.hypomag.cds.cards.Wording.values;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hypomag.cds.clinical.AlertRules;
import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.EmergencyFinding;
import org.hypomag.cds.clinical.EmergencyLine;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MgFinding;
import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.Note;
import org.hypomag.cds.clinical.OralRegimen;
import org.hypomag.cds.clinical.Regimen;
import org.hypomag.cds.clinical.RenalBand;
import org.hypomag.cds.clinical.TextKeys;

/**
 * The hypomagnesemia alert (issue 4 card 1; D2, D4-D8, D13, D18, D19). For the bedside the detail starts with
 * what (grade, value, date; the emergency condition first when one counts), how much (the recommended order, or
 * why there is none) and what next; then the emergency regimen in words (D4: adults in g, children in mg/kg);
 * then a "Details" part: grades, trend, kidney value used, K and Ca, history, the alternatives, notes, the D8
 * watch and antidote texts once. The regimens are at-most-one suggestions (one action each, the first
 * recommended); the D8 labs go on their own card ({@link LabCards}). Rule ids go to the card's extension only.
 */
final class AlertCards {

    private final CardFactory factory;
    private final AlertDetail detail;
    private final RegimenSuggestions regimens;
    private final Knowledge knowledge;

    AlertCards(CardFactory factory, AlertDetail detail, RegimenSuggestions regimens, Knowledge knowledge) {
        this.factory = factory;
        this.detail = detail;
        this.regimens = regimens;
        this.knowledge = knowledge;
    }

    Optional<Card> alert(Assessment a, String patientId) {
        if (!a.lowMagnesium()) {
            return Optional.empty();
        }
        MgFinding m = a.magnesium();
        Set<String> shown = new HashSet<>();
        Optional<Regimen> first = first(a);
        List<String> parts = new ArrayList<>();
        String what = detail.what(m);
        if (!a.emergencies().isEmpty()) {
            EmergencyFinding e = a.emergencies().get(0);
            what = fill(detail.f("what-emergency"), values("conditions", md(FindingCards.capitalise(labels(
                    a.emergencies()))), "when", detail.when(e))) + " " + what;
        }
        parts.add(what);
        parts.add(howMuch(a, first, shown));
        parts.add(next(a, first, shown));
        emergencyLine(a.emergencyLine(), shown).ifPresent(parts::add);
        parts.add(detail.f("details-heading"));
        parts.add(detail.grades(m));
        parts.addAll(detail.context(m, a.renal(), a.potassium(), a.calcium(), !a.regimens().isEmpty()));
        if (a.potassium() != null && a.potassium().low()) {
            parts.add(detail.f("hypokalaemia-raise") + " " + shownText(TextKeys.POTASSIUM_LOW, shown));
        }
        if (a.calcium() != null && a.calcium().low()) {
            parts.add(shownText(TextKeys.CALCIUM_LOW, shown));
        }
        for (EmergencyFinding h : a.emergencyHistory()) {
            parts.add(fill(detail.f("history-line"), values("condition", md(h.label().toLowerCase(java.util.Locale.ROOT)),
                    "when", detail.when(h), "hours",
                    String.valueOf(knowledge.thresholds().emergencyOnsetWithin().toHours()))));
        }
        if (!a.regimens().isEmpty()) {
            parts.addAll(regimens.detail(a.regimens(), shown));
        }
        notes(a.notes(), shown).ifPresent(parts::add);
        if (!a.drugCauses().isEmpty()) {
            parts.add(fill(detail.f("drug-pointer"), values("classes",
                    md(Wording.join(a.drugCauses().stream().map(d -> d.label()).toList())))));
        }
        String grade = detail.grade(m);
        String value = detail.mg(m);
        java.util.Map<String, String> summary = values(
                "gradeTitle", Character.toUpperCase(grade.charAt(0)) + grade.substring(1), "grade", grade,
                "value", value, "date", Wording.date(m.source()), "headline", headline(a, first),
                "conditions", Wording.plain(FindingCards.capitalise(labels(a.emergencies()))),
                "action", action(a, first));
        String body = String.join("\n\n", parts);
        List<Suggestion> suggestions = regimens.suggestions(a.regimens(), patientId, reason(m, value));
        if (!a.emergencies().isEmpty()) { // issue 19 item 13: the summary leads with the emergency condition
            return Optional.of(factory.card("alert", "alert-emergency-summary", "alert-emergency-summary-short",
                    a.alertIndicator(), summary, body, suggestions, SelectionBehavior.AT_MOST_ONE, AlertRules.ids(a)));
        }
        return Optional.of(factory.card("alert", a.alertIndicator(), summary, body, suggestions,
                SelectionBehavior.AT_MOST_ONE, AlertRules.ids(a)));
    }

    private static Optional<Regimen> first(Assessment a) {
        return a.regimens().stream().filter(Regimen::recommended).findFirst()
                .or(() -> a.regimens().stream().findFirst());
    }

    /** Line 2: the recommended order and why its dose is what it is, or why there is none. */
    private String howMuch(Assessment a, Optional<Regimen> first, Set<String> shown) {
        if (first.isPresent()) {
            Regimen r = first.get();
            String why = "";
            if (r instanceof MgSulfateRegimen iv && iv.renalCut() != null) {
                why = detail.f(iv.renalCut().band() == RenalBand.UNKNOWN ? "how-why-renal-unknown" : "how-why-renal");
            } else if (r instanceof OralRegimen o && o.renalCut() != null) {
                why = detail.f(o.renalCut().band() == RenalBand.UNKNOWN ? "how-why-renal-unknown" : "how-why-renal");
            }
            return fill(detail.f("how-regimen"), values("order", regimens.describe(r), "why", why));
        }
        return fill(detail.f("how-none"), values("reason", shownText(AlertRules.noDoseTextKey(a), shown)));
    }

    /** Line 3: what next (the re-check after the order, or what to record). */
    private String next(Assessment a, Optional<Regimen> first, Set<String> shown) {
        if (first.isPresent() && first.get() instanceof MgSulfateRegimen iv) {
            if (iv.holdNextDoseUntilMgResult()) {
                shown.add(TextKeys.RENAL_HOLD_NEXT);
            }
            return fill(detail.f("next-iv"), values("hoursMin",
                    String.valueOf(knowledge.orderables().mgAfterInfusionHoursMin()), "hoursMax",
                    String.valueOf(knowledge.orderables().mgAfterInfusionHoursMax()), "hold",
                    iv.holdNextDoseUntilMgResult() ? detail.f("next-hold") : ""));
        }
        if (first.isPresent() && first.get() instanceof OralRegimen o && o.recheckTextKey() != null) {
            return fill(detail.f("next-oral"), values("recheck", shownText(o.recheckTextKey(), shown)));
        }
        String key = AlertRules.noDoseTextKey(a);
        return detail.f(TextKeys.AGE_UNKNOWN.equals(key) ? "next-age"
                : TextKeys.PEDS_WEIGHT_NEEDED.equals(key) ? "next-weight" : "next-renal");
    }

    /** D4: the emergency regimen in words (adult g, child mg/kg with the mg for the weight), D6 risk text. */
    private Optional<String> emergencyLine(EmergencyLine e, Set<String> shown) {
        if (e == null) {
            return Optional.empty();
        }
        String when = detail.text(TextKeys.EMERGENCY_IN_WORDS);
        String diluents = String.join(" or ", e.diluents().stream().map(regimens::diluent).toList());
        String durations = Wording.durationRange(e.durationMinMinutes(), e.durationMaxMinutes());
        List<String> lines = new ArrayList<>();
        if (e.adultDose()) {
            lines.add(fill(detail.f("emergency-adult"), values("when", when,
                    "who", e.childDose() ? detail.f("emergency-who-adult") : "",
                    "grams", Wording.range(e.gramsLow(), e.gramsHigh(), "g"),
                    "meq", Wording.range(e.meqLow(), e.meqHigh(), "mEq"),
                    "volume", e.volumeMl() == null ? "" : e.volumeMl() + " mL ", "diluents", diluents,
                    "durations", durations)));
        }
        if (e.childDose()) {
            String forWeight = e.childMgLow() != null ? fill(detail.f("emergency-for-weight"), values(
                    "weight", Wording.weight(e.weightKg()), "weightDate", Wording.date(e.weightSource()),
                    "mgLow", Wording.num(e.childMgLow()), "mgHigh", Wording.num(e.childMgHigh())))
                    : e.adultDose() ? "" : detail.f("emergency-no-weight");
            lines.add(fill(detail.f("emergency-child"), values("when", when,
                    "who", e.adultDose() ? detail.f("emergency-who-child") : "",
                    "mgPerKgLow", Wording.num(e.mgPerKgLow()), "mgPerKgHigh", Wording.num(e.mgPerKgHigh()),
                    "cap", Wording.num(e.capGrams()), "diluents", diluents, "durations", durations,
                    "forWeight", forWeight)));
        }
        if (e.hyperMgTextKey() != null) {
            lines.add(shownText(e.hyperMgTextKey(), shown));
        }
        return Optional.of(String.join(" ", lines));
    }

    private String shownText(String key, Set<String> shown) {
        shown.add(key);
        return knowledge.texts().text(key);
    }

    /** The engine's notes not already shown elsewhere on the card, each once. */
    Optional<String> notes(List<Note> notes, Set<String> shown) {
        StringBuilder out = new StringBuilder(detail.f("notes-heading"));
        boolean any = false;
        for (Note n : notes) {
            if (shown.add(n.textKey())) {
                out.append("\n- ").append(knowledge.texts().text(n.textKey()));
                any = true;
            }
        }
        return any ? Optional.of(out.toString()) : Optional.empty();
    }

    private String headline(Assessment a, Optional<Regimen> first) {
        if (first.isPresent()) {
            return fill(detail.f("headline-regimen"), values("regimen", regimens.shortForm(first.get())));
        }
        String noDose = AlertRules.noDoseTextKey(a);
        if (TextKeys.AGE_UNKNOWN.equals(noDose)) {
            return detail.f("headline-age");
        }
        if (TextKeys.PEDS_WEIGHT_NEEDED.equals(noDose)) {
            return detail.f("headline-weight");
        }
        if (a.renal() != null && a.renal().band().noRoutineReplacement()) {
            return detail.f("headline-no-routine");
        }
        return detail.f("headline-none");
    }

    /** Summary of an emergency card: "1 g IV over 15 min", or why there is no dose. */
    private String action(Assessment a, Optional<Regimen> first) {
        if (first.isPresent() && first.get() instanceof MgSulfateRegimen iv) {
            return regimens.dose(iv) + " IV over " + Wording.duration(iv.durationMinutes());
        }
        return "(" + headline(a, first) + ")";
    }

    static String reason(MgFinding m, String value) {
        return "Hypomagnesemia: serum Mg " + value + " mg/dL on " + Wording.date(m.source());
    }

    static String reason(MgFinding m) {
        return "Hypomagnesemia: serum Mg " + Wording.lab(m.valueMgDl(), m.comparator()) + " mg/dL on "
                + Wording.date(m.source());
    }

    static String labels(List<EmergencyFinding> emergencies) {
        return Wording.join(emergencies.stream().map(EmergencyFinding::label).distinct().toList());
    }

    static boolean hasIv(List<Regimen> list) {
        return list.stream().anyMatch(r -> r instanceof MgSulfateRegimen);
    }
}
