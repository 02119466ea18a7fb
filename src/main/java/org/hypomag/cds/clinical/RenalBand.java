package org.hypomag.cds.clinical;

/**
 * Renal bands of D6 in mL/min/1.73 m2. Bounds are knowledge (thresholds.yaml): NORMAL is eGFR >= 60,
 * CKD_30_60 is 30 <= eGFR < 60, REDUCED_15_30 is 15 <= eGFR < 30, FAILURE_UNDER_15 is eGFR < 15,
 * DIALYSIS whatever the eGFR, UNKNOWN when no current creatinine or eGFR could be used.
 */
public enum RenalBand {
    NORMAL, CKD_30_60, REDUCED_15_30, FAILURE_UNDER_15, DIALYSIS, UNKNOWN;

    /** Full (non-reduced) doses apply (D6: eGFR >= 30). */
    public boolean fullDose() {
        return this == NORMAL || this == CKD_30_60;
    }

    /** No routine replacement (D6: eGFR < 15 or dialysis); only T-EMERG may be suggested. */
    public boolean noRoutineReplacement() {
        return this == FAILURE_UNDER_15 || this == DIALYSIS;
    }
}
