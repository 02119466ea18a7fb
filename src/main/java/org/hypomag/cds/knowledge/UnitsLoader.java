package org.hypomag.cds.knowledge;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.UnitTable;

/**
 * knowledge/units.yaml: unit aliases and cross-dimension factors. Every factor must carry a ref and agree with
 * the analyte's molar mass and valence within 0.1%.
 */
final class UnitsLoader {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.001");
    private static final BigDecimal TEN = BigDecimal.TEN;

    private UnitsLoader() {
    }

    record File(@NotBlank String id, @NotBlank String version, String source,
                @NotNull List<@NotNull @Valid Alias> aliases,
                @NotNull Map<String, @NotNull @Valid AnalyteUnits> analytes) implements KnowledgeDoc {
    }

    record Alias(@NotBlank String from, @NotBlank String to, @NotBlank String ref) {
    }

    record AnalyteUnits(@Valid Sourced molarMass, @Valid Sourced valence,
                        @NotNull List<@NotNull @Valid Factor> factors) {
    }

    record Sourced(@NotNull @Positive BigDecimal value, @NotBlank String ref) {
    }

    record Factor(@NotBlank String from, @NotNull @Positive BigDecimal factor, @NotBlank String ref) {
    }

    static UnitTable load(YamlFile f, File doc) {
        Map<String, String> aliases = new HashMap<>();
        for (int i = 0; i < doc.aliases().size(); i++) {
            Alias a = doc.aliases().get(i);
            if (f.clean(YamlFile.at("/aliases", i))) {
                aliases.put(a.from().toLowerCase(Locale.ROOT), a.to());
            }
        }
        Map<Analyte, List<UnitTable.Factor>> analytes = new EnumMap<>(Analyte.class);
        doc.analytes().forEach((key, u) -> {
            Analyte a = Analytes.of(f, "/analytes", key);
            if (a != null) {
                analytes.put(a, factors(f, YamlFile.at("/analytes", key), a, u));
            }
        });
        return new UnitTable(doc.version(), aliases, analytes);
    }

    private static List<UnitTable.Factor> factors(YamlFile f, String at, Analyte analyte, AnalyteUnits u) {
        BigDecimal molarMass = u.molarMass() == null ? null : u.molarMass().value();
        BigDecimal valence = u.valence() == null ? null : u.valence().value();
        List<UnitTable.Factor> out = new ArrayList<>();
        for (int i = 0; i < u.factors().size(); i++) {
            Factor x = u.factors().get(i);
            String where = YamlFile.at(at, "factors", i);
            if (!f.clean(where)) {
                continue;
            }
            BigDecimal expected = expected(analyte.canonicalUnit(), x.from(), molarMass, valence);
            if (expected == null) {
                f.problem(where, "cannot check " + x.from() + " -> " + analyte.canonicalUnit()
                        + " (from must be mmol/L, meq/L or mg/dL, with molarMass and, for meq/L, valence)");
            } else if (x.factor().subtract(expected).abs().compareTo(expected.multiply(TOLERANCE)) > 0) {
                f.problem(YamlFile.at(where, "factor"), "factor " + x.factor()
                        + " disagrees with molarMass/valence (expected about " + expected.round(new MathContext(5))
                        + ")");
            } else {
                out.add(new UnitTable.Factor(x.from(), x.factor()));
            }
        }
        return out;
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
}
