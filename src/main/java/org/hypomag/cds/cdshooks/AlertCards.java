package org.hypomag.cds.cdshooks;

import static org.hypomag.cds.cdshooks.Wording.fill;
import static org.hypomag.cds.cdshooks.Wording.md;
import static org.hypomag.cds.cdshooks.Wording.values;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.EmergencyFinding;
import org.hypomag.cds.clinical.Grade;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MgFinding;
import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.Note;
import org.hypomag.cds.clinical.Regimen;
import org.hypomag.cds.clinical.TextKeys;

/**
 * The hypomagnesemia alert (issue 4 card 1; D2, D4-D8, D13): value, grade, trend, renal function, K and Ca,
 * the regimens as at-most-one alternatives (one action each, the first recommended), the emergency regimen in
 * words on every severe card, the monitoring text. The D8 labs go on their own card (see {@link LabCards}).
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
        List<String> parts = new ArrayList<>(detail.facts(m, a.renal(), a.potassium(), a.calcium()));
        if (a.potassium() != null && a.potassium().low()) {
            parts.add(detail.f("hypokalaemia-raise") + " " + shownText(TextKeys.POTASSIUM_LOW, shown));
        }
        if (a.calcium() != null && a.calcium().low()) {
            parts.add(shownText(TextKeys.CALCIUM_LOW, shown));
        }
        if (!a.emergencies().isEmpty()) {
            parts.add(fill(detail.f("emergency"), values("conditions", md(labels(a.emergencies())))));
        }
        if (m.grade() == Grade.SEVERE || !a.emergencies().isEmpty()
                || a.notes().stream().anyMatch(n -> TextKeys.EMERGENCY_IN_WORDS.equals(n.textKey()))) {
            parts.add("**" + shownText(TextKeys.EMERGENCY_IN_WORDS, shown) + "**");
        }
        parts.addAll(regimens.detail(a.regimens(), shown));
        notes(a.notes(), shown).ifPresent(parts::add);
        if (!a.drugCauses().isEmpty()) {
            parts.add(fill(detail.f("drug-pointer"), values("classes",
                    md(Wording.join(a.drugCauses().stream().map(d -> d.label()).toList())))));
        }
        String summaryGrade = detail.grade(m);
        return Optional.of(factory.card("alert", a.alertIndicator(), values(
                "gradeTitle", Character.toUpperCase(summaryGrade.charAt(0)) + summaryGrade.substring(1),
                "value", Wording.lab(m.valueMgDl(), m.comparator()), "date", Wording.date(m.source()),
                "headline", headline(a)), String.join("\n\n", parts),
                regimens.suggestions(a.regimens(), patientId, reason(m)), SelectionBehavior.AT_MOST_ONE));
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

    private String headline(Assessment a) {
        Optional<Regimen> first = a.regimens().stream().filter(Regimen::recommended).findFirst()
                .or(() -> a.regimens().stream().findFirst());
        if (first.isPresent()) {
            return fill(detail.f("headline-regimen"), values("regimen", regimens.shortForm(first.get())));
        }
        if (a.body() != null && a.body().child() && a.body().weightKg() == null) {
            return detail.f("headline-weight");
        }
        if (a.renal() != null && a.renal().band().noRoutineReplacement()) {
            return detail.f("headline-no-routine");
        }
        return detail.f("headline-none");
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
