package org.hypomag.cds.clinical;

import java.util.List;

/** knowledge/conditions.yaml: the D4 emergency list and the D6 dialysis concepts. */
public record ConditionCatalog(String version, List<ConditionConcept> emergency, List<ConditionConcept> dialysis) {

    public ConditionCatalog {
        emergency = List.copyOf(emergency);
        dialysis = List.copyOf(dialysis);
    }
}
