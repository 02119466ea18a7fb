package org.hypomag.cds.cdshooks;

import static org.hypomag.cds.cdshooks.Wording.fill;
import static org.hypomag.cds.cdshooks.Wording.num;
import static org.hypomag.cds.cdshooks.Wording.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MonitoringKind;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.OrderReview.MgOrderCheck;
import org.hypomag.cds.clinical.OrderReview.Problem;
import org.hypomag.cds.clinical.TextKeys;

/**
 * A drafted magnesium order that deviates from the rules (D5-D8, D11, D15, D16): a warning saying what
 * deviates, with the corrected order as an {@code update} of the same draft (never a second order), a
 * {@code delete} where there is no indication, and the monitoring the rules require. A draft that agrees
 * with the rules gets no card (no loop after an accepted suggestion).
 */
final class MgOrderCards {

    private final CardFactory factory;
    private final AlertDetail detail;
    private final LabCards labs;
    private final OrderWording wording;
    private final SuggestedOrders orders;
    private final Knowledge knowledge;

    MgOrderCards(CardFactory factory, AlertDetail detail, LabCards labs, OrderWording wording,
                 SuggestedOrders orders, Knowledge knowledge) {
        this.factory = factory;
        this.detail = detail;
        this.labs = labs;
        this.wording = wording;
        this.orders = orders;
        this.knowledge = knowledge;
    }

    Optional<Card> card(MgOrderCheck c, Assessment a, String patientId) {
        if (c.problems().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> v = values("dose", c.doseGrams() == null ? "?" : num(c.doseGrams()),
                "allowed", c.corrected() == null ? "" : num(c.corrected().doseGrams()),
                "value", a.magnesium() == null ? "" : Wording.lab(a.magnesium().valueMgDl(), a.magnesium().comparator()),
                "date", a.magnesium() == null ? "" : Wording.date(a.magnesium().source()),
                "egfr", a.renal() == null || a.renal().egfr() == null ? "unknown" : num(a.renal().egfr()),
                "weight", a.body() == null || a.body().weightKg() == null ? "" : num(a.body().weightKg()));
        List<String> parts = new ArrayList<>();
        for (Problem p : c.problems()) {
            parts.add(fill(f("mgcheck-" + p.name()), v));
        }
        if (a.magnesium() != null) {
            parts.addAll(detail.facts(a.magnesium(), a.renal(), a.potassium(), a.calcium()));
        }
        if (c.holdNextDoseUntilMgResult()) {
            parts.add(knowledge.texts().text(TextKeys.RENAL_HOLD_NEXT));
        }
        if (c.problems().contains(Problem.HYPERMAGNESEMIA)) {
            parts.add(knowledge.texts().text(TextKeys.HYPER_SIGNS));
        }
        parts.add(knowledge.texts().text(TextKeys.MONITORING_WATCH));
        parts.add(knowledge.texts().text(TextKeys.MONITORING_ANTIDOTE));
        Problem first = c.problems().get(0);
        return Optional.of(factory.card("order-mg-check", c.indicator(), values("problem",
                fill(f("mgcheck-short-" + first.name()), v)), String.join("\n\n", parts),
                suggestions(c, a, patientId), SelectionBehavior.ANY));
    }

    private List<Suggestion> suggestions(MgOrderCheck c, Assessment a, String patientId) {
        List<Suggestion> out = new ArrayList<>();
        String draftRef = c.draft().resourceType() + "/" + c.draft().id();
        if (c.corrected() != null) {
            String label = fill(f("mgcheck-update"), values("order", wording.describe(c.corrected())));
            out.add(new Suggestion(label, java.util.UUID.randomUUID().toString(), true, List.of(new Action(
                    ActionType.UPDATE, label, orders.iv(patientId, c.corrected(), f("mgcheck-reason"),
                    c.draft().id()), null))));
        }
        if (c.problems().stream().anyMatch(p -> p == Problem.NO_INDICATION || p == Problem.HYPERMAGNESEMIA
                || p == Problem.NO_ROUTINE_REPLACEMENT_RENAL || p == Problem.CHILD_ORAL_NOT_IN_SOURCE)) {
            String label = f("mgcheck-delete");
            out.add(new Suggestion(label, java.util.UUID.randomUUID().toString(), true,
                    List.of(new Action(ActionType.DELETE, label, null, draftRef))));
        }
        if (c.problems().contains(Problem.NO_CURRENT_MG)) {
            out.add(labs.suggestion(labs.mgOrder(a, MonitoringKind.MG_RECHECK, "D3"), patientId, out.isEmpty()));
        }
        if (c.corrected() != null || c.problems().stream().noneMatch(p -> p == Problem.NO_INDICATION
                || p == Problem.HYPERMAGNESEMIA || p == Problem.NO_CURRENT_MG)) {
            for (MonitoringOrder o : c.monitoring()) {
                if (LabCards.REPLACEMENT_LABS.contains(o.kind())) {
                    out.add(labs.suggestion(o, patientId, false));
                }
            }
        }
        return out;
    }

    private String f(String key) {
        return factory.texts().fragment(key);
    }
}
