package org.hypomag.cds.clinical;

/** Which FHIR resource a {@link MedicationUse} came from. */
public enum MedicationOrigin {
    REQUEST, STATEMENT, ADMINISTRATION
}
