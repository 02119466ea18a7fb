package org.hypomag.cds.clinical;

/** Observation.status, as a closed set. */
public enum ResultStatus {
    REGISTERED, PRELIMINARY, FINAL, AMENDED, CORRECTED, CANCELLED, ENTERED_IN_ERROR, UNKNOWN
}
