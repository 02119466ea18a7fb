package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Knowledge: unit strings labs send that are not UCUM, and the per-analyte factors for conversions UCUM
 * cannot do (moles, mass and equivalents; hypomagnesemia.md D1). Loaded from knowledge/units.yaml.
 *
 * @param aliases  non-UCUM unit string, lower case, to its UCUM code ("meq/l" → "meq/L")
 * @param analytes per analyte: factors from mmol/L, meq/L or mg/dL to {@link Analyte#canonicalUnit()}
 */
public record UnitTable(String version, Map<String, String> aliases, Map<Analyte, List<Factor>> analytes) {

    /** {@code value in from × factor = value in the analyte's canonical unit}. */
    public record Factor(String from, BigDecimal factor) {
    }

    public UnitTable {
        aliases = Map.copyOf(aliases);
        EnumMap<Analyte, List<Factor>> copy = new EnumMap<>(Analyte.class);
        analytes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        analytes = Map.copyOf(copy);
    }

    public List<Factor> factors(Analyte analyte) {
        return analytes.getOrDefault(analyte, List.of());
    }
}
