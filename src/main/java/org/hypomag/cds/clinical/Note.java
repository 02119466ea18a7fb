package org.hypomag.cds.clinical;

/**
 * A sentence the card must show, as a key into the knowledge texts (texts.yaml), with the rule that
 * asked for it (D6, T-DIALYSIS).
 */
public record Note(String ruleId, String textKey) {

    public Note(RuleId rule, String textKey) {
        this(rule.id(), textKey);
    }
}
