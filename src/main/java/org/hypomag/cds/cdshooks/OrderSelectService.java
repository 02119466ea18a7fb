package org.hypomag.cds.cdshooks;

import java.time.Instant;
import java.util.List;

import org.hypomag.cds.cards.Card;
import org.hypomag.cds.cards.OrderHookCards;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.springframework.stereotype.Component;

/** {@code hypomagnesemia-order-select}: graded alert, drug causes and dosed orders when orders are selected. */
@Component
class OrderSelectService implements CdsService {

    static final String ID = "hypomagnesemia-order-select";

    private final ServiceDescriptor descriptor;
    private final OrderHookCards orderCards;

    OrderSelectService(Knowledge knowledge, OrderHookCards orderCards) {
        this.orderCards = orderCards;
        this.descriptor = ServiceDescriptors.of("order-select", ID, "Hypomagnesemia: check selected orders",
                "When a magnesium-wasting drug (PPI, loop or thiazide diuretic, calcineurin inhibitor, cisplatin "
                        + "...) is selected, warns if magnesium is low (with a dosed replacement) or unmeasured; when "
                        + "a magnesium order is selected, checks its dose against the level, kidney function and age.", false, knowledge);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<String> requiredContext() {
        return List.of("patientId", "selections", "draftOrders");
    }

    @Override
    public List<Card> cards(PatientSnapshot snapshot, HookCall call, Instant now) {
        return orderCards.cards(snapshot, call.patientId(), now);
    }
}
