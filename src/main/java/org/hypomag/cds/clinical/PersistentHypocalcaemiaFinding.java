package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * D17 (§5.3 T-SEV-NOURG): Mg back to >= 1.0 mg/dL after a severe low within 5 days, total calcium still
 * low. The regimen (4-8 g over 12-24 h, renal cut and paediatric rules applied) is in {@code regimens}.
 */
public record PersistentHypocalcaemiaFinding(String ruleId, BigDecimal mgNowMgDl, BigDecimal severeLowMgDl,
                                             SourceRef severeLow, ElectrolyteFinding calcium,
                                             List<Regimen> regimens, List<Note> notes,
                                             IndicatorLevel indicator) {

    public PersistentHypocalcaemiaFinding {
        regimens = List.copyOf(regimens);
        notes = List.copyOf(notes);
    }
}
