package org.hypomag.cds.fhir;

import java.util.List;

/**
 * Prefetch keys the service needs are missing and there is no {@code fhirServer} to fetch them from: the
 * spec's 412 Precondition Failed. Carries the key names only.
 */
public class PrefetchUnavailableException extends RuntimeException {

    private final List<String> missingKeys;

    public PrefetchUnavailableException(List<String> missingKeys) {
        super("Prefetch missing and no fhirServer to fetch it: " + String.join(", ", missingKeys));
        this.missingKeys = List.copyOf(missingKeys);
    }

    public List<String> missingKeys() {
        return missingKeys;
    }
}
