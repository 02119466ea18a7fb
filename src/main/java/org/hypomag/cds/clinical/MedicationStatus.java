package org.hypomag.cds.clinical;

/** The status of a MedicationStatement or MedicationRequest, folded into one closed set. */
public enum MedicationStatus {
    ACTIVE, ON_HOLD, INTENDED, DRAFT, COMPLETED, STOPPED, CANCELLED, ENTERED_IN_ERROR, NOT_TAKEN, UNKNOWN
}
