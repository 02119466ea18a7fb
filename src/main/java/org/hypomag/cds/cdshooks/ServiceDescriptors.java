package org.hypomag.cds.cdshooks;

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

    static ServiceDescriptor of(String hook, String id, String title, String description, Knowledge knowledge) {
        return new ServiceDescriptor(hook, id, title, description, PrefetchTemplates.all(knowledge.labCodes()),
                USAGE, Map.of(KNOWLEDGE_VERSION_EXTENSION, knowledge.version()));
    }

    /** The templates of {@link #of}'s prefetch, by data key. */
    static Map<DataKey, String> templates(Knowledge knowledge) {
        return PrefetchTemplates.byKey(knowledge.labCodes());
    }
}
