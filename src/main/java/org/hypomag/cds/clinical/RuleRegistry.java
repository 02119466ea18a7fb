package org.hypomag.cds.clinical;

import java.util.Map;
import java.util.Optional;

/**
 * The rule registry (knowledge/rules.yaml): every rule id a finding, note or regimen may carry, with what it
 * decides and where hypomagnesemia.md states it.
 *
 * @param version file version
 * @param rules   rules by id, in file order
 */
public record RuleRegistry(String version, Map<String, Rule> rules) {

    public RuleRegistry {
        rules = Map.copyOf(rules);
    }

    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public boolean contains(RuleId id) {
        return rules.containsKey(id.id());
    }

    /** Where a rule's test cases live. */
    public enum Cases {
        /** src/test/resources/clinical-cases/*.yaml (the assessment, RuleCaseTest) */
        CLINICAL,
        /** src/test/resources/clinical-cases/orders/ (order review, OrderRuleCaseTest) */
        ORDERS
    }

    /**
     * @param id      D14, T-HOSP-IV-SEV, R18
     * @param title   short title
     * @param decides what the rule decides, in one sentence
     * @param source  the section of shared/clinical/hypomagnesemia.md it comes from
     * @param choice  the decision is the service's own, not the source's (hypomagnesemia.md D: *choice*)
     * @param emitted findings carry the id; false when the rule decides by emitting nothing (no card, no id)
     * @param cases   where its cases live
     */
    public record Rule(String id, String title, String decides, String source, boolean choice, boolean emitted,
                       Cases cases) {
    }
}
