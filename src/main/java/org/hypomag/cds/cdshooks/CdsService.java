package org.hypomag.cds.cdshooks;

import java.time.Instant;
import java.util.List;

import org.hypomag.cds.cards.Card;
import org.hypomag.cds.clinical.PatientSnapshot;

/**
 * One CDS service: its discovery descriptor and its behaviour. The runner does the protocol work
 * (validate, resolve data, build the snapshot); a service only turns a snapshot into cards.
 */
interface CdsService {

    ServiceDescriptor descriptor();

    /** Context fields the hook requires besides patientId (e.g. draftOrders for order hooks). */
    List<String> requiredContext();

    List<Card> cards(PatientSnapshot snapshot, HookCall call, Instant now);

    /**
     * Whether cards already answered (accepted or overridden) for the same patient and encounter are left
     * out when nothing changed: true for order-sign, the last check before signing.
     */
    default boolean isLastSafetyNet() {
        return false;
    }

    default String id() {
        return descriptor().id();
    }
}
