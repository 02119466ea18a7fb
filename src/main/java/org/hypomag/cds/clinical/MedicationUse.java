package org.hypomag.cds.clinical;

import java.time.Instant;
import java.util.List;

/**
 * A medication the patient takes, was prescribed or was given (MedicationStatement, MedicationRequest or
 * MedicationAdministration), with {@code medicationReference} already resolved from contained resources or
 * the bundle. Stopped and completed entries are kept: D22 counts the whole exposure chain.
 *
 * @param codes   every coding of the medication (RxNorm product or ingredient, ATC, SNOMED CT, NDC ...)
 *                plus ingredient codings of a referenced Medication
 * @param text    medication text or display, for last-resort matching and for card wording
 * @param status  folded status
 * @param source  resource reference; time = the start: authoredOn (else validityPeriod.start) / effective
 *                start / dateAsserted / administration effective start
 * @param end     the end: MedicationRequest dispenseRequest.validityPeriod.end, MedicationStatement or
 *                MedicationAdministration effectivePeriod.end (an administration's effectiveDateTime is its
 *                start and end); null when the resource gives none
 * @param origin  which resource type
 * @param dose    the first dosage's text, else its dose quantity ("400 mg"), "" when none (for card wording)
 */
public record MedicationUse(List<Code> codes, String text, MedicationStatus status, SourceRef source, Instant end,
                            MedicationOrigin origin, String dose) {

    public MedicationUse {
        codes = List.copyOf(codes);
        text = text == null ? "" : text;
        origin = origin == null ? MedicationOrigin.REQUEST : origin;
        dose = dose == null ? "" : dose;
    }

    /** A request or statement without an end or dose wording. */
    public MedicationUse(List<Code> codes, String text, MedicationStatus status, SourceRef source) {
        this(codes, text, status, source, null, MedicationOrigin.REQUEST, "");
    }

    /** A request without an end, with dose wording. */
    public MedicationUse(List<Code> codes, String text, MedicationStatus status, SourceRef source, String dose) {
        this(codes, text, status, source, null, MedicationOrigin.REQUEST, dose);
    }

    /** A medication without dose wording. */
    public MedicationUse(List<Code> codes, String text, MedicationStatus status, SourceRef source, Instant end,
                         MedicationOrigin origin) {
        this(codes, text, status, source, end, origin, "");
    }

    /** The start time, or null. */
    public Instant start() {
        return source == null ? null : source.time();
    }
}
