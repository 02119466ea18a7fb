package org.hypomag.cds.clinical;

/**
 * D14: something the service could not check, said plainly on an INFO card ("could not check").
 *
 * @param ruleId D14 (or D1 for an unusable Mg value)
 * @param what   "magnesium", "potassium", "medications" ... (a DataKey prefetch key or an analyte)
 * @param reason short human reason, never a token or an identifier
 */
public record CouldNotCheck(String ruleId, String what, String reason) {

    public CouldNotCheck(RuleId rule, String what, String reason) {
        this(rule.id(), what, reason);
    }
}
