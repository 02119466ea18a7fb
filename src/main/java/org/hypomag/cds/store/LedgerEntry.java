package org.hypomag.cds.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An issued card as read back: what de-duplication and feedback need, ids only as keyed hashes.
 *
 * @param orders per suggestion uuid in the card's order, the order fingerprints (empty once the ledger expired)
 */
public record LedgerEntry(String cardUuid, String serviceId, String hook, String cardType, String indicator,
                          String knowledgeVersion, String owner, String fingerprint, Map<String, Set<String>> orders,
                          Instant issuedAt, String patientKey, String encounterKey, String userKey) {

    public LedgerEntry {
        orders = Collections.unmodifiableMap(new LinkedHashMap<>(orders));
    }

    /** "first" when the suggestion is the card's first (recommended) one, "alternative" for a later one, else null. */
    public String regimenOf(String suggestionUuid) {
        if (suggestionUuid == null) {
            return null;
        }
        List<String> order = List.copyOf(orders.keySet());
        int i = order.indexOf(suggestionUuid);
        return i < 0 ? null : i == 0 ? "first" : "alternative";
    }
}
