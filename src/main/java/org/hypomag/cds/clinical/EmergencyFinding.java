package org.hypomag.cds.clinical;

/**
 * D4/D14: an emergency condition (torsades, VT, VF, seizure, tetany) that counts now.
 *
 * @param ruleId      D4
 * @param conditionId catalog id ("torsades", "ventricular-tachycardia" ...)
 * @param label       catalog label for the card
 * @param matchedCode the coding that matched, or null when matched by text
 * @param matchedText the condition's text when matched by text, else null
 * @param source      the Condition; its time is the onset, else the recorded date
 * @param onset       the time is the onset (false: the recorded date)
 */
public record EmergencyFinding(String ruleId, String conditionId, String label, Code matchedCode,
                               String matchedText, SourceRef source, boolean onset) {

    public EmergencyFinding(String ruleId, String conditionId, String label, Code matchedCode, String matchedText,
                            SourceRef source) {
        this(ruleId, conditionId, label, matchedCode, matchedText, source, true);
    }
}
