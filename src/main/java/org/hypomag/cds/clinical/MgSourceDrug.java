package org.hypomag.cds.clinical;

/**
 * An active magnesium-containing drug that meets a high Mg (issue 19 item 10; §8, R54): what the
 * hypermagnesemia card names and suggests stopping.
 *
 * @param classId  catalog class (magnesium products, Mg antacids/laxatives)
 * @param text     the medication as recorded
 * @param dose     its dose wording, "" when none
 * @param source   MedicationRequest/... (a stop is suggested) or MedicationStatement/... (a note)
 * @param request  true for a MedicationRequest
 */
public record MgSourceDrug(String classId, String text, String dose, SourceRef source, boolean request) {
}
