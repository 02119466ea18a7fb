package org.hypomag.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.fhir.ucum.Decimal;
import org.junit.jupiter.api.Test;

/** One UCUM essence per process, shared by every normaliser and usable from any thread. */
class UcumEssenceTest {

    @Test
    void oneServiceForEveryThread_thatConverts() throws Exception {
        var other = CompletableFuture.supplyAsync(UcumEssence::service).get();

        assertThat(other).isSameAs(UcumEssence.service());
        assertThat(UcumEssence.service().validate("mg/dL")).isNull();
        assertThat(UcumEssence.service().convert(new Decimal("2.4"), "mg/dL", "g/L").asDecimal()).isEqualTo("0.024");
    }
}
