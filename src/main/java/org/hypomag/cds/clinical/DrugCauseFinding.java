package org.hypomag.cds.clinical;

import java.util.List;

/**
 * D9: an active Mg-wasting drug class, with the medications that matched it. The class texts
 * (effect, frequency, advice, general-knowledge flag) are in {@link Knowledge#drugs()} by classId.
 *
 * @param ruleId           D9
 * @param classId          catalog id ("ppi", "loop-diuretic" ...)
 * @param label            class label
 * @param medicationTexts  the matched medications as recorded
 * @param sources          their resources (same order)
 * @param generalKnowledge true when the class is not named by the source (D9)
 * @param textKeys         texts.yaml keys to show, in order: effect, frequency (when the source gives one),
 *                         advice (the diuretic advice only with eGFR >= 60, D9/D15), "general knowledge" marker
 * @param indicator        INFO on patient-view (D13)
 */
public record DrugCauseFinding(String ruleId, String classId, String label, List<String> medicationTexts,
                               List<SourceRef> sources, boolean generalKnowledge, List<String> textKeys,
                               IndicatorLevel indicator) {

    public DrugCauseFinding {
        medicationTexts = List.copyOf(medicationTexts);
        sources = List.copyOf(sources);
        textKeys = List.copyOf(textKeys);
    }
}
