package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Knowledge: which observation codes belong to which analyte, and which codes are never read as
 * serum/plasma values (hypomagnesemia.md D1; terminology.md §A), and per analyte the range outside which a
 * value is a data error rather than a result (issue 12.1). Loaded from knowledge/lab-codes.yaml.
 */
public record LabCodes(String version, Map<Analyte, List<Code>> analytes, List<Code> excluded,
                       Map<Analyte, Plausible> plausible) {

    /** The closed range of physiologically possible values of an analyte, in its canonical unit. */
    public record Plausible(BigDecimal min, BigDecimal max) {

        public Plausible {
            if (min == null || max == null || min.compareTo(max) >= 0) {
                throw new IllegalArgumentException("a plausible range needs min < max");
            }
        }

        public boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    public LabCodes {
        EnumMap<Analyte, List<Code>> copy = new EnumMap<>(Analyte.class);
        analytes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        analytes = Map.copyOf(copy);
        excluded = List.copyOf(excluded);
        plausible = plausible == null ? Map.of() : Map.copyOf(plausible);
    }

    /** Without plausibility limits (tests). */
    public LabCodes(String version, Map<Analyte, List<Code>> analytes, List<Code> excluded) {
        this(version, analytes, excluded, Map.of());
    }

    /** The plausible range of an analyte, when the knowledge gives one. */
    public Optional<Plausible> plausibleRange(Analyte analyte) {
        return Optional.ofNullable(plausible.get(analyte));
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
