package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        Index index = index();
        CodeKey key = CodeKey.of(coding);
        return index.excluded.contains(key) ? Optional.empty() : Optional.ofNullable(index.analyte.get(key));
    }

    /** Whether any of the codings is on the exclusion list (RBC, whole-blood, urine Mg ...). */
    public boolean isExcluded(Code coding) {
        return index().excluded.contains(CodeKey.of(coding));
    }

    /** The index of the last LabCodes asked (the service has one): built once, not per observation coding. */
    private static volatile Index last;

    private Index index() {
        Index i = last;
        if (i == null || i.of != this) {
            i = new Index(this);
            last = i;
        }
        return i;
    }

    /**
     * Issue 16: the code lists by (system, code), so a coding is looked up instead of compared with every code.
     * An analyte is the first whose list holds the code, in the iteration order of {@code analytes} (what the
     * scan returned); built once per LabCodes object (identity: a record's equals would compare the lists).
     */
    private static final class Index {
        final LabCodes of;
        final Map<CodeKey, Analyte> analyte = new HashMap<>();
        final Set<CodeKey> excluded = new HashSet<>();

        Index(LabCodes of) {
            this.of = of;
            of.analytes.forEach((a, codes) -> codes.forEach(c -> analyte.putIfAbsent(CodeKey.of(c), a)));
            of.excluded.forEach(c -> excluded.add(CodeKey.of(c)));
        }
    }

    public List<Code> codes(Analyte analyte) {
        return analytes.getOrDefault(analyte, List.of());
    }
}
