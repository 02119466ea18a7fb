package org.hypomag.cds.cdshooks;

import java.time.Instant;
import java.util.List;

import org.hypomag.cds.cards.Card;
import org.hypomag.cds.cards.OrderHookCards;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.springframework.stereotype.Component;

/** {@code hypomagnesemia-order-sign}: graded alert, drug causes and dosed orders before orders are signed. */
@Component
class OrderSignService implements CdsService {

    static final String ID = "hypomagnesemia-order-sign";

    private final ServiceDescriptor descriptor;
    private final OrderHookCards orderCards;

    OrderSignService(Knowledge knowledge, OrderHookCards orderCards) {
        this.orderCards = orderCards;
        this.descriptor = ServiceDescriptors.of("order-sign", ID, "Hypomagnesemia: last check before signing",
                "Last check before signing: every drafted magnesium-wasting drug and magnesium order is checked "
                        + "as on order-select; cards already accepted or dismissed for this encounter are not "
                        + "repeated when nothing changed.", true, knowledge);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public boolean isLastSafetyNet() {
        return true;
    }

    @Override
    public List<String> requiredContext() {
        return List.of("patientId", "draftOrders");
    }

    @Override
    public List<Card> cards(PatientSnapshot snapshot, HookCall call, Instant now) {
        return orderCards.cards(snapshot, call.patientId(), now);
    }
}
