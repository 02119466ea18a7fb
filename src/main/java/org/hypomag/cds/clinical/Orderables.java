package org.hypomag.cds.clinical;

/** Lab codes for suggested orders and the D8 re-check window (knowledge/monitoring.yaml). */
public record Orderables(Code magnesium, Code potassium, Code calcium, Code creatinine,
                         int mgAfterInfusionHoursMin, int mgAfterInfusionHoursMax) {
}
