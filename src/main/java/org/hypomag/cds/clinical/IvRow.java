package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * One IV MgSO4 row of the dose table (§5.3), grams of MgSO4.7H2O.
 *
 * @param ruleId         T-HOSP-IV-SEV ...
 * @param labelKey       texts.yaml key
 * @param gramsLow       range low
 * @param gramsHigh      range high
 * @param diluent        "D5W"
 * @param alternativeDiluents ["NS"] for the emergency bolus
 * @param volumeMl       where the source gives it, else null
 * @param durationMinMinutes shortest
 * @param durationMaxMinutes longest
 * @param renalCut       whether the D6 cut applies (false only for T-EMERG)
 * @param repeatTextKey  texts.yaml key or null
 * @param recheckTextKey texts.yaml key
 * @param repeatDaysMin  D17 / T-SEV-NOURG: the order is repeated daily for this many days at least, or null
 * @param repeatDaysMax  at most (5 for T-SEV-NOURG), or null
 */
public record IvRow(String ruleId, String labelKey, BigDecimal gramsLow, BigDecimal gramsHigh, String diluent,
                    List<String> alternativeDiluents, Integer volumeMl, int durationMinMinutes,
                    int durationMaxMinutes, boolean renalCut, String repeatTextKey, String recheckTextKey,
                    Integer repeatDaysMin, Integer repeatDaysMax) {

    public IvRow {
        alternativeDiluents = List.copyOf(alternativeDiluents);
    }

    public IvRow(String ruleId, String labelKey, BigDecimal gramsLow, BigDecimal gramsHigh, String diluent,
                 List<String> alternativeDiluents, Integer volumeMl, int durationMinMinutes, int durationMaxMinutes,
                 boolean renalCut, String repeatTextKey, String recheckTextKey) {
        this(ruleId, labelKey, gramsLow, gramsHigh, diluent, alternativeDiluents, volumeMl, durationMinMinutes,
                durationMaxMinutes, renalCut, repeatTextKey, recheckTextKey, null, null);
    }
}
