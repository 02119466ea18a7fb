package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/** D6/D15: a renal dose reduction applied to a regimen (factor 0.5) and why (text key). */
public record RenalCut(RenalBand band, BigDecimal factor, String reasonTextKey) {
}
