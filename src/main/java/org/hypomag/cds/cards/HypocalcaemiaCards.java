package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.values;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.ElectrolyteFinding;
import org.hypomag.cds.clinical.PersistentHypocalcaemiaFinding;
import org.hypomag.cds.clinical.TextKeys;

/** D17: calcium still low after a severe low Mg that has come back: info card with the T-SEV-NOURG order. */
final class HypocalcaemiaCards {

    private final CardFactory factory;
    private final AlertDetail detail;
    private final RegimenSuggestions regimens;

    HypocalcaemiaCards(CardFactory factory, AlertDetail detail, RegimenSuggestions regimens) {
        this.factory = factory;
        this.detail = detail;
        this.regimens = regimens;
    }

    Optional<Card> persistent(Assessment a, String patientId) {
        PersistentHypocalcaemiaFinding p = a.persistentHypocalcaemia();
        if (p == null) {
            return Optional.empty();
        }
        ElectrolyteFinding ca = p.calcium();
        String calcium = ca == null || !ca.measured() ? "?" : Wording.lab(ca.value()) + " " + ca.unit();
        // D17: Mg is already at least 1.0 here, so the row's "until above 1.0" is not said (repeat.T-SEV-NOURG)
        String cutoff = ca == null || ca.cutoff() == null ? "" : " (below " + Wording.lab(ca.cutoff()) + " " + ca.unit()
                + ", " + detail.f(ca.cutoffFromLab() ? "cutoff-lab" : "cutoff-default") + ")";
        StringBuilder body = new StringBuilder(fill(detail.f("pca-body"), values("mgNow", detail.mg(p.mgNowMgDl()),
                "mgLow", detail.mg(p.severeLowMgDl()), "lowDate", Wording.date(p.severeLow()),
                "calcium", calcium, "calciumCutoff", cutoff)));
        Set<String> shown = new HashSet<>(Set.of(TextKeys.D17_REPEAT));
        for (String part : regimens.detail(p.regimens(), shown)) {
            body.append("\n\n").append(part);
        }
        StringBuilder notes = new StringBuilder();
        p.notes().stream().filter(n -> shown.add(n.textKey()))
                .forEach(n -> notes.append("\n- ").append(detail.text(n.textKey())));
        if (notes.length() > 0) {
            body.append("\n\n").append(detail.f("notes-heading")).append(notes);
        }
        String reason = "Persistent hypocalcaemia after severe hypomagnesemia";
        List<Suggestion> suggestions = regimens.suggestions(p.regimens(), patientId, reason);
        java.util.Set<String> rules = new java.util.LinkedHashSet<>(List.of(p.ruleId()));
        p.regimens().forEach(r -> rules.addAll(r.appliedRules()));
        p.notes().forEach(n -> rules.add(n.ruleId()));
        return Optional.of(factory.card("persistent-hypocalcemia", p.indicator(), values("calcium", calcium),
                body.toString(), suggestions, SelectionBehavior.AT_MOST_ONE, List.copyOf(rules)));
    }
}
