package org.hypomag.cds.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleCatalogTest {

    private final SampleCatalog catalog = new SampleCatalog("classpath*:samples/*.json");

    @Test
    void listsEachBundleWithItsPatient() {
        assertThat(catalog.entries()).contains(
                new SampleCatalog.SampleEntry("99-stub-patient.json", "stub-patient", "Test Stubbs", "female", "1950-06-15"));
        assertThat(catalog.file("99-stub-patient.json")).isPresent();
    }

    @Test
    void servesOnlyListedFileNames() {
        assertThat(catalog.file("application.yaml")).isEmpty();
        assertThat(catalog.file("00-missing.json")).isEmpty();
        assertThat(SampleCatalog.FILE_NAME.matcher("../application.json").matches()).isFalse();
        assertThat(SampleCatalog.FILE_NAME.matcher("..json").matches()).isFalse();
        assertThat(SampleCatalog.FILE_NAME.matcher("01-severe-ckd.json").matches()).isTrue();
    }
}
