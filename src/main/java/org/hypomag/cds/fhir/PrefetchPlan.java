package org.hypomag.cds.fhir;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hypomag.cds.clinical.DataKey;
import tools.jackson.databind.JsonNode;

/**
 * What the prefetch settles and what is left to fetch: the first half of the issue-3 rules. A key that is
 * missing is fetched (and named for a 412 when there is no fhirServer); null, an empty Bundle or an
 * information outcome is Empty; an error outcome is fetched again; a Bundle with a next link is continued;
 * a wrong type or invalid JSON is Unknown.
 */
final class PrefetchPlan {

    final Map<DataKey, KeyResult> results = new EnumMap<>(DataKey.class);
    final List<FhirResource> medications = new ArrayList<>();
    final Map<DataKey, String> toFetch = new LinkedHashMap<>();
    final Map<DataKey, PageReader.Page> toContinue = new LinkedHashMap<>();
    final List<String> missing = new ArrayList<>();
    /**
     * Keys added after EHRs were configured (issue 18.7 medicationAdministrations): missing with no fhirServer
     * they are "could not check", not a 412, so an EHR that prefetches the earlier keys keeps working.
     */
    static final java.util.Set<DataKey> OPTIONAL = java.util.EnumSet.of(DataKey.MEDICATION_ADMINISTRATIONS);
    final List<DataKey> missingOptional = new ArrayList<>();

    private PrefetchPlan() {
    }

    static PrefetchPlan of(Map<DataKey, String> templates, Map<DataKey, Optional<JsonNode>> prefetch,
                           PageReader reader) {
        PrefetchPlan plan = new PrefetchPlan();
        templates.forEach((key, template) -> plan.add(key, template, prefetch.get(key), reader));
        return plan;
    }

    private void add(DataKey key, String template, Optional<JsonNode> value, PageReader reader) {
        if (value == null) {
            if (OPTIONAL.contains(key)) {
                missingOptional.add(key);
            } else {
                missing.add(key.prefetchKey());
            }
            toFetch.put(key, template);
            return;
        }
        if (value.isEmpty()) {
            results.put(key, new KeyResult.Empty());
            return;
        }
        PageReader.Page page = reader.read(key, value.get());
        switch (page.kind()) {
            case EMPTY -> results.put(key, new KeyResult.Empty());
            case ERROR_OUTCOME -> toFetch.put(key, template);
            case WRONG_TYPE -> results.put(key, unknown(key, "the prefetch held " + page.detail()));
            case INVALID -> results.put(key, unknown(key, "the prefetch was not valid FHIR JSON"));
            case RESOURCES -> {
                if (page.next() == null) {
                    medications.addAll(page.medications());
                    results.put(key, new KeyResult.Present(page.resources(), null));
                } else {
                    toContinue.put(key, page);
                }
            }
        }
    }

    boolean needsServer() {
        return !toFetch.isEmpty() || !toContinue.isEmpty();
    }

    /** Nothing can be fetched: keys to fetch are Unknown, prefetched first pages are kept as incomplete. */
    void withoutServer(String unknownWhy, String pagesWhy) {
        toFetch.keySet().forEach(k -> results.put(k, unknown(k, missingOptional.contains(k)
                ? "not in the prefetch and no fhirServer to fetch it" : unknownWhy)));
        toContinue.forEach((k, page) -> {
            medications.addAll(page.medications());
            results.put(k, new KeyResult.Present(page.resources(), pagesWhy));
        });
    }

    static KeyResult unknown(DataKey key, String why) {
        return new KeyResult.Unknown(key.prefetchKey() + ": " + why);
    }
}
