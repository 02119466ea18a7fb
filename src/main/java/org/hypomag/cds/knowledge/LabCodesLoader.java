package org.hypomag.cds.knowledge;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.LabCodes;

/** knowledge/lab-codes.yaml: the codes read per analyte, the codes never read, plausible ranges. */
final class LabCodesLoader {

    private LabCodesLoader() {
    }

    record File(@NotBlank String id, @NotBlank String version, String source,
                @NotNull Map<String, @NotNull(message = "write [] if none is sourced") List<@NotNull @Valid Lab>> analytes,
                @NotNull List<@NotNull @Valid Lab> excluded,
                @NotNull(message = "is required (a range per analyte)") Map<String, @NotNull @Valid Range> plausible)
            implements KnowledgeDoc {
    }

    record Lab(@NotBlank String system, @NotBlank String code, String display, @NotBlank String ref) {
        Code toCode() {
            return new Code(system, code, display);
        }
    }

    record Range(@NotNull BigDecimal min, @NotNull BigDecimal max, @NotBlank String ref) {
        @AssertTrue(message = "need min < max")
        boolean isOrdered() {
            return min == null || max == null || min.compareTo(max) < 0;
        }
    }

    static LabCodes load(YamlFile f, File doc) {
        Map<Analyte, List<Code>> analytes = new EnumMap<>(Analyte.class);
        doc.analytes().forEach((key, labs) -> {
            Analyte a = Analytes.of(f, "/analytes", key);
            if (a != null && f.clean(YamlFile.at("/analytes", key))) {
                analytes.put(a, labs.stream().map(Lab::toCode).toList());
            }
        });
        Map<Analyte, LabCodes.Plausible> plausible = new EnumMap<>(Analyte.class);
        doc.plausible().forEach((key, r) -> {
            Analyte a = Analytes.of(f, "/plausible", key);
            if (a != null && f.clean(YamlFile.at("/plausible", key))) {
                plausible.put(a, new LabCodes.Plausible(r.min(), r.max()));
            }
        });
        for (Analyte a : Analyte.values()) {
            if (!doc.analytes().containsKey(a.name())) {
                f.problem("/analytes", a + " is missing (write [] if none is sourced)");
            }
            if (!doc.plausible().containsKey(a.name())) {
                f.problem("/plausible", a + " is missing");
            }
        }
        return new LabCodes(doc.version(), analytes, doc.excluded().stream().map(Lab::toCode).toList(), plausible);
    }
}
