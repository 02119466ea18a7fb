package org.hypomag.cds.clinical;

import java.util.List;

/** One suggested replacement regimen (D5); alternatives are at-most-one on the card. */
public sealed interface Regimen permits MgSulfateRegimen, OralRegimen {

    /** The §5.3 row it comes from (T-HOSP-IV-SEV, T-ORAL ...). */
    String ruleId();

    /** Every rule that shaped it: the row plus modifiers (D5, D6, T-CKD-SYMPT, T-PEDS, D7). */
    List<String> appliedRules();

    /** Text key of the label (texts.yaml). */
    String labelKey();

    /** The first-choice alternative of its card. */
    boolean recommended();
}
