package org.hypomag.cds.fhir;

import java.util.List;

public class PrefetchUnavailableException extends RuntimeException {
    private final List<String> missing;

    public PrefetchUnavailableException(List<String> missing) {
        this.missing = missing;
    }

    public List<String> missingKeys() {
        return missing;
    }
}
