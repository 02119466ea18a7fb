package org.hypomag.cds.clinical;

/** Why a lab is suggested. */
public enum MonitoringKind {
    /** D8: serum Mg 6-12 h after the infusion ends. */
    MG_AFTER_INFUSION,
    /** D8: potassium with it (sulfate increases K loss). */
    POTASSIUM,
    /** D8: calcium when calcium is low. */
    CALCIUM,
    /** D6: creatinine when renal function is unknown. */
    CREATININE,
    /** D3: re-check of a stale low Mg. */
    MG_RECHECK,
    /** D10: serum Mg for a monitoring gap (or a baseline on order entry). */
    MG_BASELINE,
    /** D14: urgent Mg for an emergency condition with no current Mg. */
    MG_URGENT,
    /** D11: re-check of a high Mg after its magnesium source is stopped (issue 19 item 10). */
    MG_HYPER_RECHECK;

    /** The D8/D6 labs that go with a replacement (Mg after the infusion, K, Ca, creatinine). */
    public boolean withReplacement() {
        return this == MG_AFTER_INFUSION || this == POTASSIUM || this == CALCIUM || this == CREATININE;
    }
}
