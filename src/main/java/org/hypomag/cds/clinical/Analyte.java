package org.hypomag.cds.clinical;

/**
 * The observations the service reads, each with the canonical unit the FHIR mapper normalises to.
 * Classification by code comes from the knowledge files (lab codes), never from this enum.
 */
public enum Analyte {
    MAGNESIUM("mg/dL"),
    POTASSIUM("mmol/L"),
    CALCIUM_TOTAL("mg/dL"),
    CALCIUM_IONIZED("mmol/L"),
    ALBUMIN("g/dL"),
    CREATININE("mg/dL"),
    EGFR("mL/min/{1.73_m2}"),
    WEIGHT("kg"),
    HEIGHT("cm");

    private final String canonicalUnit;

    Analyte(String canonicalUnit) {
        this.canonicalUnit = canonicalUnit;
    }

    /** The UCUM unit every value of this analyte carries in the snapshot. */
    public String canonicalUnit() {
        return canonicalUnit;
    }
}
