package org.hypomag.cds.fhir;

import org.hypomag.cds.knowledge.KnowledgeLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import org.hypomag.cds.clinical.Analyte;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Units as an attacker sends them: refused at once, without UCUM, and not echoed back. */
class QuantityNormaliserHostileTest {

    private final QuantityNormaliser normaliser = new QuantityNormaliser(KnowledgeLoader.loadDefault().units());

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void megabyteUnitOfDigits_isRefusedAtOnceWithoutEchoingIt() {
        QuantityNormaliser.Normalised n = normaliser.normalise(Analyte.MAGNESIUM, BigDecimal.ONE, "7".repeat(2_500_000));
        assertThat(n.value()).isNull();
        assertThat(n.problem()).isEqualTo("unit not recognised (longer than 64 characters)");
        assertThat(normaliser.ucumCode("m".repeat(100_000))).isNull();
    }

    @Test
    void realUnitsStillConvert() {
        assertThat(normaliser.normalise(Analyte.MAGNESIUM, new BigDecimal("0.5"), "mmol/L").value())
                .isNotNull();
        assertThat(normaliser.normalise(Analyte.MAGNESIUM, new BigDecimal("1.1"), "mg/dL").value())
                .isEqualByComparingTo("1.1");
    }
}
