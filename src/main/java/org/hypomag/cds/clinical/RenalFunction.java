package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * The renal function used for dosing (D6, D15, D19).
 *
 * @param egfr        mL/min/1.73 m2, or null when unknown or on dialysis (D19: no eGFR on dialysis)
 * @param method      REPORTED / CKD_EPI_2021 / SCHWARTZ / UNKNOWN (UNKNOWN on dialysis too)
 * @param band        the D6 band (DIALYSIS when a dialysis condition is active, whatever the eGFR)
 * @param dialysis    a dialysis condition is active
 * @param sources     the eGFR, or creatinine (+ height) results used; the dialysis condition if any
 * @param unknownReason when UNKNOWN: why ("no creatinine in 7 days", "child without height in 30 days")
 * @param basedOn     D19: the value that drove the band (the reported eGFR, or the creatinine it was computed
 *                    from, or the dialysis Condition), or null when unknown
 * @param creatinineMgDl the creatinine an eGFR was computed from, or null
 * @param notUsed     D19: the other current kidney value and why it lost (older, or higher within 24 h), or null
 */
public record RenalFunction(BigDecimal egfr, RenalMethod method, RenalBand band, boolean dialysis,
                            List<SourceRef> sources, String unknownReason, SourceRef basedOn,
                            BigDecimal creatinineMgDl, NotUsed notUsed) {

    public RenalFunction {
        sources = List.copyOf(sources);
    }

    public RenalFunction(BigDecimal egfr, RenalMethod method, RenalBand band, boolean dialysis,
                         List<SourceRef> sources, String unknownReason) {
        this(egfr, method, band, dialysis, sources, unknownReason, sources.isEmpty() ? null : sources.get(0), null,
                null);
    }

    /**
     * The kidney value D19 set aside.
     *
     * @param method  how it was obtained
     * @param egfr    its eGFR (null when a creatinine could not be converted)
     * @param source  the result
     * @param older   true: older than the one used; false: within 24 h of it and higher
     */
    public record NotUsed(RenalMethod method, BigDecimal egfr, SourceRef source, boolean older) {
    }
}
