package org.hypomag.cds.fhir;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hypomag.cds.clinical.DataKey;

/**
 * The resolved patient data of one hook call.
 *
 * @param results     per requested key: Present, Empty or Unknown (keys not requested are absent)
 * @param medications Medication resources found in any Bundle (included by {@code _include} or bundled), for
 *                    resolving {@code medicationReference}
 */
public record PatientData(Map<DataKey, KeyResult> results, List<FhirResource> medications) {

    public PatientData {
        results = results.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(results));
        medications = List.copyOf(medications);
    }

    public Optional<KeyResult> result(DataKey key) {
        return Optional.ofNullable(results.get(key));
    }

    /** The resources of a key that is Present, else an empty list. */
    public List<FhirResource> resources(DataKey key) {
        return results.get(key) instanceof KeyResult.Present p ? p.resources() : List.of();
    }
}
