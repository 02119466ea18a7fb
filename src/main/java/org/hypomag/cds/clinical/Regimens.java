package org.hypomag.cds.clinical;

/**
 * The dose rules on their own (D5-D7, D15): grade, emergency, renal band, age, weight -> regimens.
 * Order checks compare a drafted MgSO4 dose with {@link #plan}.
 */
public final class Regimens {

    private Regimens() {
    }

    /** The regimens (alternatives, first recommended) and notes for one situation. */
    public static RegimenPlan plan(DoseTable table, RegimenInput in) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** D17 / T-SEV-NOURG: the 4-8 g over 12-24 h order with the renal cut and child rules applied. */
    public static RegimenPlan persistentHypocalcaemia(DoseTable table, RegimenInput in) {
        throw new UnsupportedOperationException("being implemented");
    }
}
