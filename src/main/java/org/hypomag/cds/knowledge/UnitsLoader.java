package org.hypomag.cds.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.UnitTable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads knowledge/units.yaml. Every factor must carry a ref and agree with the analyte's molar mass and
 * valence within 0.1%; every problem is collected and reported together.
 */
public final class UnitsLoader {

    public static final String RESOURCE = "knowledge/units.yaml";
    private static final BigDecimal TOLERANCE = new BigDecimal("0.001");
    private static final BigDecimal TEN = BigDecimal.TEN;

    private UnitsLoader() {
    }

    public static UnitTable loadDefault() {
        try (InputStream in = UnitsLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KnowledgeException(List.of(RESOURCE + ": not found on the classpath"));
            }
            return load(RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UnitTable load(String name, InputStream in) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> doc)) {
            throw new KnowledgeException(List.of(name + ": not a YAML mapping"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        if (doc.get("aliases") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> e && e.get("from") != null && e.get("to") != null
                        && e.get("ref") != null) {
                    aliases.put(String.valueOf(e.get("from")).toLowerCase(Locale.ROOT), String.valueOf(e.get("to")));
                } else {
                    problems.add(name + ": aliases[" + i + "]: needs from, to and ref");
                }
            }
        } else {
            problems.add(name + ": 'aliases' missing");
        }
        Map<Analyte, List<UnitTable.Factor>> analytes = new EnumMap<>(Analyte.class);
        if (doc.get("analytes") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> analyte(name, String.valueOf(k), v, analytes, problems));
        } else {
            problems.add(name + ": 'analytes' missing");
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
        return new UnitTable(String.valueOf(doc.get("version")), aliases, analytes);
    }

    private static void analyte(String name, String key, Object raw, Map<Analyte, List<UnitTable.Factor>> out,
                                List<String> problems) {
        String where = name + ": analytes." + key;
        Analyte analyte;
        try {
            analyte = Analyte.valueOf(key);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": unknown analyte");
            return;
        }
        if (!(raw instanceof Map<?, ?> entry)) {
            problems.add(where + ": expected a mapping");
            return;
        }
        BigDecimal molarMass = sourcedNumber(where + ".molarMass", entry.get("molarMass"), problems);
        BigDecimal valence = entry.get("valence") == null ? null
                : sourcedNumber(where + ".valence", entry.get("valence"), problems);
        List<UnitTable.Factor> factors = new ArrayList<>();
        if (!(entry.get("factors") instanceof List<?> list)) {
            problems.add(where + ".factors: expected a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = where + ".factors[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> f) || f.get("from") == null || f.get("ref") == null
                    || !(f.get("factor") instanceof Number n)) {
                problems.add(at + ": needs from, a numeric factor and ref");
                continue;
            }
            String from = String.valueOf(f.get("from"));
            BigDecimal factor = new BigDecimal(n.toString());
            BigDecimal expected = expected(analyte.canonicalUnit(), from, molarMass, valence);
            if (expected == null) {
                problems.add(at + ": cannot check " + from + " -> " + analyte.canonicalUnit()
                        + " (from must be mmol/L, meq/L or mg/dL, with molarMass and, for meq/L, valence)");
            } else if (factor.subtract(expected).abs().compareTo(expected.multiply(TOLERANCE)) > 0) {
                problems.add(at + ": factor " + factor + " disagrees with molarMass/valence (expected about "
                        + expected.round(new MathContext(5)) + ")");
            } else {
                factors.add(new UnitTable.Factor(from, factor));
            }
        }
        out.put(analyte, factors);
    }

    /** The factor implied by molar mass M and valence v: mg/dL = mmol/L × M/10 = meq/L × M/(10 v). */
    static BigDecimal expected(String canonical, String from, BigDecimal molarMass, BigDecimal valence) {
        if (molarMass == null) {
            return null;
        }
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal mmolToMgDl = molarMass.divide(TEN, mc);
        BigDecimal meqToMmol = valence == null ? null : BigDecimal.ONE.divide(valence, mc);
        if (canonical.equals("mg/dL")) {
            return switch (from) {
                case "mmol/L" -> mmolToMgDl;
                case "meq/L" -> meqToMmol == null ? null : meqToMmol.multiply(mmolToMgDl, mc);
                default -> null;
            };
        }
        if (canonical.equals("mmol/L")) {
            return switch (from) {
                case "mg/dL" -> BigDecimal.ONE.divide(mmolToMgDl, mc);
                case "meq/L" -> meqToMmol;
                default -> null;
            };
        }
        return null;
    }

    private static BigDecimal sourcedNumber(String where, Object raw, List<String> problems) {
        if (raw instanceof Map<?, ?> m && m.get("value") instanceof Number n && m.get("ref") != null) {
            return new BigDecimal(n.toString());
        }
        if (raw != null) {
            problems.add(where + ": needs a numeric value and a ref");
        }
        return null;
    }
}
