package org.hypomag.cds.clinical;

import java.util.List;

/**
 * knowledge/conditions.yaml: the D4 emergency list, the D6 dialysis concepts and the D20 chronic diagnoses
 * (epilepsy, seizure disorder) that never select T-EMERG.
 */
public record ConditionCatalog(String version, List<ConditionConcept> emergency, List<ConditionConcept> dialysis,
                               List<ConditionConcept> chronic) {

    public ConditionCatalog {
        emergency = List.copyOf(emergency);
        dialysis = List.copyOf(dialysis);
        chronic = List.copyOf(chronic);
    }

    public ConditionCatalog(String version, List<ConditionConcept> emergency, List<ConditionConcept> dialysis) {
        this(version, emergency, dialysis, List.of());
    }
}
