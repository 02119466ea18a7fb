package org.hypomag.cds.clinical;

import java.util.List;

/**
 * A medication the patient takes or was prescribed (MedicationStatement or MedicationRequest), with
 * {@code medicationReference} already resolved from contained resources or the bundle.
 *
 * @param codes   every coding of the medication (RxNorm product or ingredient, ATC, SNOMED CT, NDC ...)
 *                plus ingredient codings of a referenced Medication
 * @param text    medication text or display, for last-resort matching and for card wording
 * @param status  folded status
 * @param source  resource reference; time = authoredOn / effective start / dateAsserted
 * @param dose    the first dosage's text, else its dose quantity ("400 mg"), "" when none (for card wording)
 */
public record MedicationUse(List<Code> codes, String text, MedicationStatus status, SourceRef source, String dose) {

    public MedicationUse {
        codes = List.copyOf(codes);
        text = text == null ? "" : text;
        dose = dose == null ? "" : dose;
    }

    /** A medication without dose wording. */
    public MedicationUse(List<Code> codes, String text, MedicationStatus status, SourceRef source) {
        this(codes, text, status, source, "");
    }
}
