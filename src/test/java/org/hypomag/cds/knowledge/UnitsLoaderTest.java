package org.hypomag.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.UnitTable;
import org.junit.jupiter.api.Test;

class UnitsLoaderTest {

    @Test
    void shippedFile_loadsWithTheD1MagnesiumFactors() {
        UnitTable table = KnowledgeLoader.loadDefault().units();

        assertThat(table.factors(Analyte.MAGNESIUM)).containsExactly(
                new UnitTable.Factor("mmol/L", new BigDecimal("2.431")),
                new UnitTable.Factor("meq/L", new BigDecimal("1.215")));
        assertThat(table.aliases()).containsEntry("meq/l", "meq/L").containsEntry("lbs", "[lb_av]");
        assertThat(table.factors(Analyte.WEIGHT)).isEmpty();
    }
}
