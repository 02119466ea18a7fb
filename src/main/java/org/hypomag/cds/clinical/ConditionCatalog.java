package org.hypomag.cds.clinical;

import java.util.List;

/**
 * knowledge/conditions.yaml: the D4 emergency list, the D6 dialysis concepts, the D20 chronic diagnoses
 * (epilepsy, seizure disorder) that never select T-EMERG, and the other indications for magnesium sulfate as a
 * drug (§2.3: torsades, pre-eclampsia/eclampsia, acute severe asthma; issue 19 item 9).
 */
public record ConditionCatalog(String version, List<ConditionConcept> emergency, List<ConditionConcept> dialysis,
                               List<ConditionConcept> chronic, List<ConditionConcept> mgIndications) {

    public ConditionCatalog {
        emergency = List.copyOf(emergency);
        dialysis = List.copyOf(dialysis);
        chronic = List.copyOf(chronic);
        mgIndications = List.copyOf(mgIndications);
    }

    /** A catalog without chronic diagnoses or other magnesium indications. */
    public ConditionCatalog(String version, List<ConditionConcept> emergency, List<ConditionConcept> dialysis) {
        this(version, emergency, dialysis, List.of(), List.of());
    }
}
