package org.hypomag.cds.clinical;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the rules decide about the hypomagnesemia alert beyond its findings: the rule ids behind it (carried in
 * the card's extension, never in its text) and why no dose is proposed when none is.
 */
public final class AlertRules {

    private AlertRules() {
    }

    /** The rule ids behind the alert of a low current Mg, in a stable order, each once. */
    public static List<String> ids(Assessment a) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(a.magnesium().ruleId());
        ids.add(RuleId.D13.id());
        a.emergencies().forEach(e -> ids.add(e.ruleId()));
        if (!a.emergencies().isEmpty() || !a.emergencyHistory().isEmpty()) {
            ids.add(RuleId.D18.id());
        }
        if (a.emergencyLine() != null) {
            ids.add(RuleId.D4.id());
        }
        ids.add(a.renal() != null && (a.renal().band() == RenalBand.DIALYSIS || a.renal().notUsed() != null)
                ? RuleId.D19.id() : RuleId.D6.id());
        a.regimens().forEach(r -> ids.addAll(r.appliedRules()));
        a.notes().forEach(n -> ids.add(n.ruleId()));
        return List.copyOf(ids);
    }

    /**
     * The texts.yaml key saying why no regimen is proposed: unknown age (D19), a child without a weight (D7),
     * dialysis, else kidney failure (D6).
     */
    public static String noDoseTextKey(Assessment a) {
        if (a.body() != null && a.body().ageYears() == null) {
            return TextKeys.AGE_UNKNOWN;
        }
        if (a.body() != null && a.body().child() && a.body().weightKg() == null) {
            return TextKeys.PEDS_WEIGHT_NEEDED;
        }
        return a.renal() != null && a.renal().band() == RenalBand.DIALYSIS ? TextKeys.RENAL_DIALYSIS
                : TextKeys.RENAL_FAILURE;
    }
}
