package org.hypomag.cds.clinical;

/**
 * A suggested lab order (ServiceRequest on the card).
 *
 * @param ruleId        D8, D6, D3, D10, D14
 * @param kind          why
 * @param code          the orderable code (LOINC, from knowledge)
 * @param label         display for the order
 * @param hoursAfterMin for MG_AFTER_INFUSION: 6 (hours after the infusion ends), else null
 * @param hoursAfterMax 12, else null
 * @param reasonTextKey texts.yaml key of the reason
 */
public record MonitoringOrder(String ruleId, MonitoringKind kind, Code code, String label,
                              Integer hoursAfterMin, Integer hoursAfterMax, String reasonTextKey) {
}
