package org.hypomag.cds.knowledge;


import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.Orderables;

/** knowledge/monitoring.yaml: orderable lab codes and the 6-12 h re-check window (D8). */
final class MonitoringLoader {

    private MonitoringLoader() {
    }

    record File(@NotBlank String id, @NotBlank String version, @NotNull @Valid Window mgAfterInfusion,
                @NotNull @Valid Labs orderables) implements KnowledgeDoc {
    }

    record Window(@NotNull @Valid Hours hours, @NotBlank String ref) {
    }

    record Hours(@NotNull @Positive Integer min, @NotNull @Positive Integer max, @NotBlank String unit) {
        @AssertTrue(message = "min must not exceed max")
        boolean isOrdered() {
            return min == null || max == null || min <= max;
        }
    }

    record Labs(@NotNull @Valid Lab magnesium, @NotNull @Valid Lab potassium, @NotNull @Valid Lab calcium,
                @NotNull @Valid Lab creatinine) {
    }

    record Lab(@NotBlank String system, @NotBlank String code, @NotBlank String display, @NotBlank String ref) {
        Code toCode() {
            return new Code(system, code, display);
        }
    }

    static Orderables load(YamlFile f, File doc) {
        Hours h = doc.mgAfterInfusion().hours();
        if (!DoseTableLoader.unit(f, "/mgAfterInfusion/hours", h.unit(), "h")) {
            return null;
        }
        Labs o = doc.orderables();
        return new Orderables(o.magnesium().toCode(), o.potassium().toCode(), o.calcium().toCode(), o.creatinine().toCode(),
                h.min(), h.max());
    }
}
