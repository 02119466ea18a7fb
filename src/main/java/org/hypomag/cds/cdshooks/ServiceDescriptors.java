package org.hypomag.cds.cdshooks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.fhir.PrefetchTemplates;

/**
 * What the three services' discovery entries share: the same prefetch contract, usage requirements, and the
 * knowledge version under a reverse-domain extension key.
 */
final class ServiceDescriptors {

    static final String KNOWLEDGE_VERSION_EXTENSION = "org.hypomag.cds.knowledge-version";

    private static final String USAGE = "Prefetch all keys or send fhirServer (on this service's allowlist for "
            + "your issuer) with an access token that can read Patient, Observation, MedicationStatement, "
            + "MedicationRequest and Condition for the patient.";

    private ServiceDescriptors() {
    }

    /** @param allDraftsSelected see {@link ServiceDescriptor#allDraftsSelected()} */
    static ServiceDescriptor of(String hook, String id, String title, String description, boolean allDraftsSelected,
                                Knowledge knowledge) {
        Map<DataKey, String> templates = PrefetchTemplates.byKey(knowledge.labCodes());
        Map<String, String> prefetch = new LinkedHashMap<>();
        templates.forEach((key, template) -> prefetch.put(key.prefetchKey(), template));
        return new ServiceDescriptor(hook, id, title, description, prefetch, USAGE,
                Map.of(KNOWLEDGE_VERSION_EXTENSION, knowledge.version()), templates, allDraftsSelected);
    }
}
