package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.md;
import static org.hypomag.cds.cards.Wording.values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.DrugClass;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.OrderReview.WastingDrugOrders;
import org.hypomag.cds.clinical.OrderReview;
import org.hypomag.cds.clinical.TextKeys;

/**
 * The cards of order-select / order-sign (issue 5): one card for the Mg-wasting drugs being ordered (low Mg:
 * the replacement of the patient-view rules; no Mg in the window: a baseline level; stale low: a re-check),
 * one card per drafted magnesium order that deviates from the rules ({@link MgOrderCards}), and the
 * could-not-check card when a relevant draft met unknown data. Ordered by indicator.
 */
final class OrderCardRenderer {

    private final CardFactory factory;
    private final AlertDetail detail;
    private final RegimenSuggestions regimens;
    private final LabCards labs;
    private final FindingCards findings;
    private final MgOrderCards mgOrders;
    private final DrugCards drugs;
    private final Knowledge knowledge;

    OrderCardRenderer(CardFactory factory, AlertDetail detail, RegimenSuggestions regimens, LabCards labs,
                      FindingCards findings, MgOrderCards mgOrders, DrugCards drugs, Knowledge knowledge) {
        this.factory = factory;
        this.detail = detail;
        this.regimens = regimens;
        this.labs = labs;
        this.findings = findings;
        this.mgOrders = mgOrders;
        this.drugs = drugs;
        this.knowledge = knowledge;
    }

    List<Card> render(OrderReview review, Assessment a, String patientId) {
        List<Card> cards = new ArrayList<>();
        wasting(review.wastingDrugs(), a, patientId).ifPresent(cards::add);
        if (review.wastingDrugs() != null && review.wastingDrugs().situation() == OrderReview.Situation.LOW_MG
                && AlertCards.hasIv(a.regimens())) {
            labs.replacementLabs(a, patientId).ifPresent(cards::add); // D8 with every IV suggestion (issue 19 item 11)
        }
        review.mgOrders().forEach(c -> mgOrders.card(c, a, patientId).ifPresent(cards::add));
        boolean relevant = review.wastingDrugs() != null || !review.mgOrders().isEmpty();
        if (relevant) {
            findings.couldNotCheck(a).ifPresent(cards::add);
        }
        cards.sort(Comparator.comparing(Card::indicator).reversed());
        return List.copyOf(cards);
    }

    private Optional<Card> wasting(WastingDrugOrders w, Assessment a, String patientId) {
        if (w == null) {
            return Optional.empty();
        }
        List<String> labels = w.classIds().stream()
                .map(id -> knowledge.drugs().byId(id).map(DrugClass::label).orElse(id)).toList();
        String classes = Wording.plain(Wording.join(labels));
        List<String> parts = new ArrayList<>();
        parts.add(f("order-drugs-intro"));
        java.util.Set<String> said = new java.util.HashSet<>();
        w.causes().forEach(d -> parts.add(drugs.causeLines(d, said)));
        if (w.combination()) {
            parts.add(fill(f("order-combination"), values("classes", md(Wording.join(
                    allClassLabels(w))))));
        }
        return switch (w.situation()) {
            case LOW_MG -> {
                parts.addAll(detail.facts(a.magnesium(), a.renal(), a.potassium(), a.calcium()));
                List<Suggestion> suggestions = regimens.suggestions(a.regimens(), patientId,
                        f("order-reason-low-mg"));
                parts.add(suggestions.isEmpty() ? f("no-suggestion") : suggestedOrders(suggestions));
                if (AlertCards.hasIv(a.regimens())) { // once per card (issue 19, writing)
                    parts.add(knowledge.texts().text(TextKeys.MONITORING_WATCH) + " "
                            + knowledge.texts().text(TextKeys.MONITORING_ANTIDOTE) + " " + fill(f("recheck-labs"),
                            values("hoursMin", String.valueOf(knowledge.orderables().mgAfterInfusionHoursMin()),
                                    "hoursMax", String.valueOf(knowledge.orderables().mgAfterInfusionHoursMax()))));
                }
                boolean iv = AlertCards.hasIv(a.regimens());
                a.notes().stream().filter(n -> !(iv && (n.textKey().equals(TextKeys.MONITORING_WATCH)
                                || n.textKey().equals(TextKeys.MONITORING_ANTIDOTE)))) // shown once above
                        .forEach(n -> parts.add(md(knowledge.texts().text(n.textKey()))));
                yield Optional.of(factory.card("order-wasting-low-mg", w.indicator(), values("classes", classes,
                        "value", Wording.lab(a.magnesium().valueMgDl(), a.magnesium().comparator()),
                        "date", Wording.date(a.magnesium().source()), "grade", detail.grade(a.magnesium())),
                        String.join("\n\n", parts), suggestions, SelectionBehavior.AT_MOST_ONE));
            }
            case NO_MG_IN_WINDOW -> {
                String gapDays = String.valueOf(knowledge.thresholds().gapNoMg().toDays());
                parts.add(fill(f("order-baseline-body"), values("gapDays", gapDays)));
                Suggestion order = labs.suggestion(w.mgOrder(), patientId, true);
                yield Optional.of(factory.card("order-baseline", w.indicator(), values("classes", classes,
                        "gapDays", gapDays), String.join("\n\n", parts), List.of(order), SelectionBehavior.ANY));
            }
            case STALE_LOW_MG -> {
                parts.add(md(knowledge.texts().text(org.hypomag.cds.clinical.TextKeys.STALE_LOW)));
                Suggestion order = labs.suggestion(w.mgOrder(), patientId, true);
                yield Optional.of(factory.card("order-stale-recheck", w.indicator(), values("classes", classes,
                        "value", Wording.lab(a.staleLow().valueMgDl()), "date", Wording.date(a.staleLow().source())),
                        String.join("\n\n", parts), List.of(order), SelectionBehavior.ANY));
            }
        };
    }

    /** The heading with one line per suggested order under it: never a heading over nothing. */
    private String suggestedOrders(List<Suggestion> suggestions) {
        StringBuilder lines = new StringBuilder(f("regimens-heading"));
        suggestions.forEach(x -> lines.append('\n').append("- ").append(x.label()));
        return lines.toString();
    }

    private List<String> allClassLabels(WastingDrugOrders w) {
        List<String> ids = new ArrayList<>(w.classIds());
        w.activeClassIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids.stream().map(id -> knowledge.drugs().byId(id).map(DrugClass::label).orElse(id)).toList();
    }

    private String f(String key) {
        return factory.texts().fragment(key);
    }
}
