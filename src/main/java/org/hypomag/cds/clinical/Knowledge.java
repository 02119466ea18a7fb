package org.hypomag.cds.clinical;

import java.util.Map;

/**
 * Everything loaded from src/main/resources/knowledge/, validated at startup. {@code version} is the
 * manifest version a card's source / discovery carries; {@code fileVersions} gives each file's own.
 */
public record Knowledge(String version, Map<String, String> fileVersions, Thresholds thresholds,
                        DoseTable doses, DrugCatalog drugs, ConditionCatalog conditions, LabCodes labCodes,
                        Orderables orderables, Texts texts, UnitTable units, RuleRegistry rules) {

    public Knowledge {
        fileVersions = Map.copyOf(fileVersions);
    }
}
