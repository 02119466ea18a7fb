package org.hypomag.cds.cdshooks;

import java.util.List;

import org.hypomag.cds.cards.Card;
import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.fhir.FetchObserver;
import org.hypomag.cds.fhir.FetchOutcome;
import org.hypomag.cds.fhir.KeyResult;
import org.springframework.stereotype.Component;

/**
 * The {@link CallRecord} of the hook call running on this thread: opened and closed by
 * {@link HookCallObserver}, filled by the controller (hookInstance, cards) and by the FHIR resolution (as a
 * {@link FetchObserver}). Calls made outside an observed request (tests that call the runner directly) are
 * ignored.
 */
@Component
class CallTrace implements FetchObserver {

    private final ThreadLocal<CallRecord> current = new ThreadLocal<>();

    CallRecord begin(String service) {
        CallRecord record = new CallRecord(service);
        current.set(record);
        return record;
    }

    void end() {
        current.remove();
    }

    void hookInstance(String hookInstance) {
        CallRecord r = current.get();
        if (r != null) {
            r.hookInstance(hookInstance);
        }
    }

    void cards(List<Card> cards) {
        CallRecord r = current.get();
        if (r != null) {
            r.cards(cards);
        }
    }

    @Override
    public void observed(DataKey key, Source source, KeyResult result) {
        CallRecord r = current.get();
        if (r != null && source == Source.FETCHED) {
            r.fetched(key.prefetchKey(), FetchOutcome.of(result).label());
        }
    }
}
