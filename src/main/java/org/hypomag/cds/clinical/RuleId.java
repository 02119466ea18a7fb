package org.hypomag.cds.clinical;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A rule id of knowledge/rules.yaml (hypomagnesemia.md D1-D22, the §5.3 rows, §10 rules). The code names rules
 * only through these constants; the knowledge loader refuses to start when a constant is missing from the
 * registry, and RuleRegistryTest fails when the registry names a rule no code emits. Findings carry
 * {@link #id()}, the text a card's {@code org.hypomag.rules} extension shows.
 *
 * @param id the registry id, e.g. "D14" or "T-HOSP-IV-SEV"
 */
public record RuleId(String id) {

    private static final Set<RuleId> DECLARED = new LinkedHashSet<>();

    public static final RuleId D1 = declare("D1");
    public static final RuleId D2 = declare("D2");
    public static final RuleId D3 = declare("D3");
    public static final RuleId D4 = declare("D4");
    public static final RuleId D5 = declare("D5");
    public static final RuleId D6 = declare("D6");
    public static final RuleId D7 = declare("D7");
    public static final RuleId D8 = declare("D8");
    public static final RuleId D9 = declare("D9");
    public static final RuleId D10 = declare("D10");
    public static final RuleId D11 = declare("D11");
    public static final RuleId D13 = declare("D13");
    public static final RuleId D14 = declare("D14");
    public static final RuleId D15 = declare("D15");
    public static final RuleId D17 = declare("D17");
    public static final RuleId D18 = declare("D18");
    public static final RuleId D19 = declare("D19");
    public static final RuleId T_EMERG = declare("T-EMERG");
    public static final RuleId T_SEV_STABLE = declare("T-SEV-STABLE");
    public static final RuleId T_SEV_NOURG = declare("T-SEV-NOURG");
    public static final RuleId T_SEV_RENAL = declare("T-SEV-RENAL");
    public static final RuleId T_HOSP_IV_SEV = declare("T-HOSP-IV-SEV");
    public static final RuleId T_HOSP_IV_MOD = declare("T-HOSP-IV-MOD");
    public static final RuleId T_HOSP_IV_MILD = declare("T-HOSP-IV-MILD");
    public static final RuleId T_PEDS = declare("T-PEDS");
    public static final RuleId T_DIALYSIS = declare("T-DIALYSIS");
    public static final RuleId R18 = declare("R18");

    public RuleId {
        if (id == null || !id.matches("[A-Z][A-Z0-9-]{0,31}")) {
            throw new IllegalArgumentException("bad rule id " + id);
        }
    }

    private static RuleId declare(String id) {
        RuleId r = new RuleId(id);
        DECLARED.add(r);
        return r;
    }

    /** Whether {@code ruleId} (as findings carry it) is this rule. */
    public boolean is(String ruleId) {
        return id.equals(ruleId);
    }

    /** Every constant above, in declaration order. */
    public static Set<RuleId> declared() {
        return Collections.unmodifiableSet(DECLARED);
    }

    @Override
    public String toString() {
        return id;
    }
}
