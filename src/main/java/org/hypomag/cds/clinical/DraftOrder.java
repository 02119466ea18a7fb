package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order from the {@code draftOrders} Bundle of order-select / order-sign, reduced to what the rules
 * check. Non-medication drafts (ServiceRequest, NutritionOrder ...) carry codes and text only.
 *
 * @param resourceType   MedicationRequest, ServiceRequest, NutritionOrder ...
 * @param id             the draft's resource id (an update suggestion must reuse it)
 * @param selected       listed in {@code context.selections} (always true on order-sign)
 * @param codes          medication codings (resolved medicationReference included)
 * @param text           medication text
 * @param doseValue      first doseQuantity value, or null
 * @param doseUnit       its unit code or text ("g", "mg", "mg/kg", "{pill}" ...), or null
 * @param durationMinutes infusion duration from timing.repeat.duration or derived from a rate, or null
 * @param route          route text or code, or null
 * @param status         the draft's status
 * @param dosageText     the first dosageInstruction's text ("" when none): read for a dose or an infusion time
 *                       when the structured fields give none (issue 19 item 16)
 */
public record DraftOrder(
        String resourceType,
        String id,
        boolean selected,
        List<Code> codes,
        String text,
        BigDecimal doseValue,
        String doseUnit,
        BigDecimal durationMinutes,
        String route,
        MedicationStatus status,
        String dosageText) {

    public DraftOrder {
        codes = List.copyOf(codes);
        text = text == null ? "" : text;
        dosageText = dosageText == null ? "" : dosageText;
    }

    /** A draft without a dosage text. */
    public DraftOrder(String resourceType, String id, boolean selected, List<Code> codes, String text,
                      BigDecimal doseValue, String doseUnit, BigDecimal durationMinutes, String route,
                      MedicationStatus status) {
        this(resourceType, id, selected, codes, text, doseValue, doseUnit, durationMinutes, route, status, "");
    }
}
