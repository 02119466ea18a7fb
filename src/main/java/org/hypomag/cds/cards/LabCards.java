package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.values;

import java.util.List;
import java.util.Optional;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MonitoringKind;
import org.hypomag.cds.clinical.MonitoringOrder;

/**
 * Lab suggestions. The D8/D6 labs that go with a replacement (Mg 6-12 h after the infusion, K, Ca when low,
 * creatinine when renal function is unknown) get their own info card with {@code any}: the regimens of the
 * alert are at-most-one alternatives and Epic allows one action per suggestion, so a lab cannot ride along
 * with a regimen without forcing a choice between "the dose" and "the re-check".
 */
final class LabCards {

    private final CardFactory factory;
    private final OrderWording wording;
    private final SuggestedOrders orders;
    private final Knowledge knowledge;

    LabCards(CardFactory factory, OrderWording wording, SuggestedOrders orders, Knowledge knowledge) {
        this.factory = factory;
        this.wording = wording;
        this.orders = orders;
        this.knowledge = knowledge;
    }

    Optional<Card> replacementLabs(Assessment a, String patientId) {
        List<MonitoringOrder> labs = a.monitoring().stream().filter(o -> o.kind().withReplacement()).toList();
        if (labs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder body = new StringBuilder(factory.texts().fragment("monitoring-intro"));
        for (MonitoringOrder o : labs) {
            body.append('\n').append(fill(factory.texts().fragment("lab-line"), values("label", wording.labName(o),
                    "when", wording.when(o))));
        }
        List<Suggestion> suggestions = labs.stream().map(o -> suggestion(o, patientId,
                o.kind() == MonitoringKind.CREATININE)).toList();
        String names = Wording.join(labs.stream().map(o -> wording.labName(o).toLowerCase(java.util.Locale.ROOT)).toList());
        return Optional.of(factory.card("monitoring", IndicatorLevel.INFO, values("labs", names,
                "count", String.valueOf(labs.size())), body.toString(), suggestions, SelectionBehavior.ANY));
    }

    /** The engine's order of a kind, only when the assessment suggests it (D22: one serum Mg order per response). */
    Optional<MonitoringOrder> mgOrderIfSuggested(Assessment a, MonitoringKind kind) {
        return a.monitoring().stream().filter(o -> o.kind() == kind).findFirst();
    }

    Suggestion suggestion(MonitoringOrder o, String patientId, boolean recommended) {
        return suggestion(o, patientId, recommended, wording.labName(o) + ": " + wording.when(o));
    }

    Suggestion suggestion(MonitoringOrder o, String patientId, boolean recommended, String description) {
        String reason = o.reasonTextKey() == null ? null : knowledge.texts().text(o.reasonTextKey());
        return CardFactory.suggestion(description, recommended, orders.labOrder(patientId, o, reason));
    }
}
