package org.hypomag.cds.knowledge;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** knowledge/doses.yaml as written: the records the binder fills and Bean Validation checks. */
record DosesFile(@NotBlank String id, @NotBlank String version, @NotNull @Valid Quantity meqPerGram,
                 @NotNull @Valid Quantity renalFactor, @NotEmpty List<@NotNull @Valid Iv> iv,
                 @NotNull @Valid Iv severeRenal, @NotNull @Valid Oral oral, @NotNull @Valid Oral oralRenal,
                 @NotNull @Valid Paediatric paediatric) implements KnowledgeDoc {

    record Quantity(@NotNull @Positive BigDecimal value, @NotBlank String unit, String ref, String rationale) {
    }

    record Range(@NotNull @Positive BigDecimal low, @NotNull @Positive BigDecimal high, @NotBlank String unit) {
        @AssertTrue(message = "need 0 < low <= high")
        boolean isOrdered() {
            return low == null || high == null || low.compareTo(high) <= 0;
        }
    }

    record Span(@NotNull @Positive Integer min, @NotNull @Positive Integer max) {
        @AssertTrue(message = "need 0 < min <= max")
        boolean isOrdered() {
            return min == null || max == null || min <= max;
        }
    }

    record Duration(@NotNull @Positive BigDecimal min, @NotNull @Positive BigDecimal max, @NotBlank String unit) {
        @AssertTrue(message = "need 0 < min <= max")
        boolean isOrdered() {
            return min == null || max == null || min.compareTo(max) <= 0;
        }
    }

    record Iv(@NotBlank String id, @NotBlank String label, @NotNull @Valid Range grams, @NotBlank String diluent,
              List<String> alternativeDiluents, @Valid Quantity volume, String volumeChoice,
              @NotNull @Valid Duration duration, Boolean renalCut, String repeat, @NotBlank String recheck,
              @Valid Span repeatDays, @NotBlank String ref) {
    }

    record Oral(@NotBlank String id, @NotBlank String label, @NotNull @Valid Range mgElementalPerDay,
                @NotNull @Valid Span dividedDoses, @NotBlank String recheck, @NotBlank String ref) {
    }

    record Paediatric(String id, @NotNull @Valid PerKg mgPerKg, @NotNull @Valid Quantity capPerDose,
                      @NotBlank String ref, String rationale) {
    }

    record PerKg(@NotNull @Positive BigDecimal low, @NotNull @Positive BigDecimal high,
                 @JsonProperty("default") @NotNull @Positive BigDecimal preset, @NotBlank String unit) {
        @AssertTrue(message = "need low <= default <= high")
        boolean isOrdered() {
            return low == null || high == null || preset == null
                    || (low.compareTo(preset) <= 0 && preset.compareTo(high) <= 0);
        }
    }
}
