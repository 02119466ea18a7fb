package org.hypomag.cds.clinical;

/**
 * The kinds of patient data the service asks for; each is one prefetch key. A key whose data could not be
 * had (query failed, timed out, error OperationOutcome) is "unknown" in the snapshot, never "empty".
 */
public enum DataKey {
    PATIENT("patient"),
    MAGNESIUM("magnesium"),
    POTASSIUM("potassium"),
    CALCIUM("calcium"),
    RENAL("renal"),
    WEIGHT("weight"),
    MEDICATION_STATEMENTS("medicationStatements"),
    MEDICATION_REQUESTS("medicationRequests"),
    MEDICATION_ADMINISTRATIONS("medicationAdministrations"),
    CONDITIONS("conditions");

    private final String prefetchKey;

    DataKey(String prefetchKey) {
        this.prefetchKey = prefetchKey;
    }

    public String prefetchKey() {
        return prefetchKey;
    }
}
