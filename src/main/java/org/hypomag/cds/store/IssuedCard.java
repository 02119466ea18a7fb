package org.hypomag.cds.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A card as issued, to be written (ids in clear here; the store writes only their keyed hashes).
 *
 * @param owner  the caller's name (issuer and tenant, "demo"), not PHI
 * @param scope  the caller + patient + encounter (or user) the card was about, in clear (hashed when written)
 * @param orders per suggestion uuid, in the card's order (the first is the recommended regimen), the order
 *               fingerprints it would create
 */
public record IssuedCard(String cardUuid, String serviceId, String hook, String cardType, String indicator,
                         String knowledgeVersion, String owner, String scope, String patientId, String encounterId,
                         String userId, String fingerprint, Map<String, Set<String>> orders, Instant issuedAt) {

    public IssuedCard {
        orders = Collections.unmodifiableMap(new LinkedHashMap<>(orders));
    }
}
