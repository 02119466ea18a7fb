package org.hypomag.cds.clinical;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Knowledge: which observation codes belong to which analyte, and which codes are never read as
 * serum/plasma values (hypomagnesemia.md D1; terminology.md §A). Loaded from knowledge/lab-codes.yaml.
 */
public record LabCodes(String version, Map<Analyte, List<Code>> analytes, List<Code> excluded) {

    public LabCodes {
        EnumMap<Analyte, List<Code>> copy = new EnumMap<>(Analyte.class);
        analytes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        analytes = Map.copyOf(copy);
        excluded = List.copyOf(excluded);
    }

    /** The analyte a coding denotes, or empty when it is unknown or explicitly excluded. */
    public Optional<Analyte> classify(Code coding) {
        if (isExcluded(coding)) {
            return Optional.empty();
        }
        for (Map.Entry<Analyte, List<Code>> e : analytes.entrySet()) {
            for (Code c : e.getValue()) {
                if (c.is(coding.system(), coding.code())) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether any of the codings is on the exclusion list (RBC, whole-blood, urine Mg ...). */
    public boolean isExcluded(Code coding) {
        return excluded.stream().anyMatch(c -> c.is(coding.system(), coding.code()));
    }

    public List<Code> codes(Analyte analyte) {
        return analytes.getOrDefault(analyte, List.of());
    }
}
