package org.hypomag.cds.cards;

import java.time.Instant;
import java.util.List;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.Assessor;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.OrderReview;
import org.hypomag.cds.clinical.OrderReviewer;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.springframework.stereotype.Component;

/**
 * What order-select and order-sign share: assess the patient, review the drafts (selected ones on
 * order-select, all on order-sign: the snapshot marks them), render the order cards. Drafts of unrelated
 * drugs and the empty draft give no card.
 */
@Component
public class OrderHookCards {

    private final Knowledge knowledge;
    private final OrderCardRenderer renderer;

    OrderHookCards(Knowledge knowledge, OrderCardRenderer renderer) {
        this.knowledge = knowledge;
        this.renderer = renderer;
    }

    public List<Card> cards(PatientSnapshot snapshot, String patientId, Instant now) {
        if (snapshot.drafts().stream().noneMatch(d -> d.selected())) {
            return List.of();
        }
        Assessment assessment = Assessor.assess(snapshot, knowledge, now);
        OrderReview review = OrderReviewer.review(snapshot, assessment, knowledge, now);
        return renderer.render(review, assessment, patientId);
    }
}
