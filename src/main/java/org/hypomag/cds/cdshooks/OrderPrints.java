package org.hypomag.cds.cdshooks;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hypomag.cds.cards.Action;
import org.hypomag.cds.cards.OrderFacts;
import org.hypomag.cds.cards.Wording;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DraftOrder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fingerprints of orders (issue 19.15), so the card ledger can recognise an accepted suggestion's order among
 * the orders being signed without keeping clinical content: one short hash per (resource type, medication or
 * order code, dose), nothing else. A draft matches a suggested order when one of its hashes is among the
 * suggestion's: same type, one code in common, the same dose and dose unit.
 */
final class OrderPrints {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private OrderPrints() {
    }

    /** The hashes of a suggested resource (JSON text of a create/update action); empty when it has no code. */
    static Set<String> ofResource(String resourceJson) {
        Set<String> out = new HashSet<>();
        if (resourceJson == null || resourceJson.isBlank()) {
            return out;
        }
        JsonNode r;
        try {
            r = JSON.readTree(resourceJson);
        } catch (RuntimeException e) {
            return out;
        }
        String type = r.path("resourceType").asString("");
        JsonNode concept = r.has("medicationCodeableConcept") ? r.get("medicationCodeableConcept") : r.path("code");
        JsonNode dose = r.path("dosageInstruction").path(0).path("doseAndRate").path(0).path("doseQuantity");
        String doseText = dose(dose.isObject() && dose.get("value") != null && dose.get("value").isNumber()
                ? dose.get("value").decimalValue() : null,
                dose.hasNonNull("code") ? dose.get("code").asString() : dose.path("unit").asString(null));
        for (JsonNode c : concept.path("coding")) {
            String system = c.path("system").asString("");
            String code = c.path("code").asString("");
            if (!code.isEmpty()) {
                out.add(hash(type, system, code, doseText));
            }
        }
        return out;
    }

    /**
     * The hashes of a suggested order from what its writer put into the JSON ({@link OrderFacts}): the same
     * hashes {@link #ofResource} reads from the text (OrderPrintsFactsTest), without reading it again.
     */
    static Set<String> ofFacts(OrderFacts f) {
        Set<String> out = new HashSet<>();
        String doseText = dose(f.doseValue(), f.doseUnit());
        for (Code c : f.codes()) {
            if (!c.code().isEmpty()) {
                out.add(hash(f.resourceType(), c.system(), c.code(), doseText));
            }
        }
        return out;
    }

    /** The hashes of a create/update action: from its facts when its writer gave them, else from its text. */
    static Set<String> ofAction(Action a) {
        return a.facts() != null ? ofFacts(a.facts()) : ofResource(a.resource());
    }

    /** The hashes of a draft order of the call. */
    static Set<String> ofDraft(DraftOrder d) {
        Set<String> out = new HashSet<>();
        String doseText = dose(d.doseValue(), d.doseUnit());
        for (Code c : d.codes()) {
            if (c.code() != null && !c.code().isEmpty()) {
                out.add(hash(d.resourceType(), c.system() == null ? "" : c.system(), c.code(), doseText));
            }
        }
        return out;
    }

    /** Every hash of the drafts of a call. */
    static Set<String> ofDrafts(List<DraftOrder> drafts) {
        Set<String> out = new HashSet<>();
        drafts.forEach(d -> out.addAll(ofDraft(d)));
        return out;
    }

    private static String dose(BigDecimal value, String unit) {
        String v = value == null || !Wording.printable(value) ? "?" : value.stripTrailingZeros().toPlainString();
        return v + " " + (unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT));
    }

    private static String hash(String type, String system, String code, String dose) {
        String s = type + '\n' + system + '\n' + code + '\n' + dose;
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return Long.toHexString(h ^ (h >>> 29)) + Integer.toHexString(s.hashCode());
    }
}
