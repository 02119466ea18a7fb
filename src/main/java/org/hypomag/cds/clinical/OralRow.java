package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/** Oral row (T-ORAL; T-CKD-ASYMPT): mg elemental Mg per day, divided doses. */
public record OralRow(String ruleId, String labelKey, BigDecimal mgPerDayLow, BigDecimal mgPerDayHigh,
                      int dividedDosesMin, int dividedDosesMax, String recheckTextKey) {
}
