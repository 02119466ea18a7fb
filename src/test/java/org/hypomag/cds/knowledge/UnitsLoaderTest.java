package org.hypomag.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.UnitTable;
import org.junit.jupiter.api.Test;

class UnitsLoaderTest {

    @Test
    void shippedFile_loadsWithTheD1MagnesiumFactors() {
        UnitTable table = UnitsLoader.loadDefault();

        assertThat(table.factors(Analyte.MAGNESIUM)).containsExactly(
                new UnitTable.Factor("mmol/L", new BigDecimal("2.431")),
                new UnitTable.Factor("meq/L", new BigDecimal("1.215")));
        assertThat(table.aliases()).containsEntry("meq/l", "meq/L").containsEntry("lbs", "[lb_av]");
        assertThat(table.factors(Analyte.WEIGHT)).isEmpty();
    }

    @Test
    void factorDisagreeingWithMolarMass_andMissingRefs_areAllReported() {
        String yaml = """
                version: x
                aliases:
                  - {from: mEq/L, to: meq/L}
                analytes:
                  MAGNESIUM:
                    molarMass: {value: 24.305, ref: r}
                    valence: {value: 2, ref: r}
                    factors:
                      - {from: mmol/L, factor: 2.0, ref: typo}
                      - {from: meq/L, factor: 1.215}
                  SODIUM:
                    factors: []
                """;

        assertThatThrownBy(() -> UnitsLoader.load("units.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(KnowledgeException.class)
                .satisfies(e -> assertThat(((KnowledgeException) e).problems()).containsExactlyInAnyOrder(
                        "units.yaml: aliases[0]: needs from, to and ref",
                        "units.yaml: analytes.MAGNESIUM.factors[0]: factor 2.0 disagrees with molarMass/valence"
                                + " (expected about 2.4305)",
                        "units.yaml: analytes.MAGNESIUM.factors[1]: needs from, a numeric factor and ref",
                        "units.yaml: analytes.SODIUM: unknown analyte"));
    }
}
