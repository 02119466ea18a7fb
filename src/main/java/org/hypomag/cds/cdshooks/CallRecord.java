package org.hypomag.cds.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hypomag.cds.cards.Card;

/**
 * What one hook call did, for its metrics and its log line: the service label, the EHR's hookInstance (the
 * correlation id), the cards by type and the FHIR keys queried and failed. Holds no patient data. Used by the
 * request's own thread only.
 */
final class CallRecord {

    private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final String service;
    private String hookInstance;
    private List<Card> cards = List.of();
    private final List<String> fhirFetched = new ArrayList<>();
    private final List<String> fhirFailed = new ArrayList<>();

    CallRecord(String service) {
        this.service = service;
    }

    String service() {
        return service;
    }

    /** The EHR's hookInstance when it looks like an id (a UUID); anything else is logged as "(invalid)". */
    void hookInstance(String value) {
        hookInstance = value == null ? null : SAFE_ID.matcher(value).matches() ? value : "(invalid)";
    }

    String hookInstance() {
        return hookInstance;
    }

    void cards(List<Card> issued) {
        cards = List.copyOf(issued);
    }

    List<Card> cards() {
        return cards;
    }

    /** Cards by {@code source.topic.code}, sorted. */
    Map<String, Integer> cardsByType() {
        Map<String, Integer> out = new TreeMap<>();
        for (Card c : cards) {
            String type = c.source().topic() == null ? "(none)" : c.source().topic().code();
            out.merge(type, 1, Integer::sum);
        }
        return out;
    }

    void fetched(String key, String result) {
        fhirFetched.add(key);
        if (!"ok".equals(result)) {
            fhirFailed.add(key + ":" + result);
        }
    }

    List<String> fhirFetched() {
        return fhirFetched;
    }

    List<String> fhirFailed() {
        return fhirFailed;
    }
}
