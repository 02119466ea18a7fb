package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * The renal function used for dosing (D6, D15).
 *
 * @param egfr        mL/min/1.73 m2, or null when unknown
 * @param method      REPORTED / CKD_EPI_2021 / SCHWARTZ / UNKNOWN
 * @param band        the D6 band (DIALYSIS when a dialysis condition is active, whatever the eGFR)
 * @param dialysis    a dialysis condition is active
 * @param sources     the eGFR, or creatinine (+ height) results used; the dialysis condition if any
 * @param unknownReason when UNKNOWN: why ("no creatinine in 7 days", "child without height in 30 days")
 */
public record RenalFunction(BigDecimal egfr, RenalMethod method, RenalBand band, boolean dialysis,
                            List<SourceRef> sources, String unknownReason) {

    public RenalFunction {
        sources = List.copyOf(sources);
    }
}
