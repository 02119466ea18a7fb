package org.hypomag.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;


import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.LabCodes;
import org.junit.jupiter.api.Test;

class LabCodesLoaderTest {

    private static final String LOINC = "http://loinc.org";

    @Test
    void shippedFile_classifiesSerumMagnesiumAndExcludesRbcAndWholeBlood() {
        LabCodes codes = KnowledgeLoader.loadDefault().labCodes();
        assertThat(codes.classify(new Code(LOINC, "19123-9", null))).contains(Analyte.MAGNESIUM);
        assertThat(codes.classify(new Code(LOINC, "2601-3", null))).contains(Analyte.MAGNESIUM);
        assertThat(codes.classify(new Code(LOINC, "2597-3", null))).isEmpty();
        assertThat(codes.classify(new Code(LOINC, "21377-7", null))).isEmpty();
        assertThat(codes.classify(new Code(LOINC, "98979-8", null))).contains(Analyte.EGFR);
        assertThat(codes.classify(new Code(LOINC, "14682-9", null))).contains(Analyte.CREATININE);
    }

    @Test
    void sameDigitsInAnotherSystem_areNotLabs() {
        LabCodes codes = KnowledgeLoader.loadDefault().labCodes();
        // CDC race code 2000-8 and ethnicity code 2160-0 share digits with calcium and creatinine LOINCs
        assertThat(codes.classify(new Code("urn:oid:2.16.840.1.113883.6.238", "2000-8", null))).isEmpty();
        assertThat(codes.classify(new Code("urn:oid:2.16.840.1.113883.6.238", "2160-0", null))).isEmpty();
    }

    /** Issue 12.1: every analyte has a plausible range; 0.000 and 40 mg/dL Mg are outside it. */
    @Test
    void everyAnalyte_hasAPlausibleRange() {
        LabCodes codes = KnowledgeLoader.loadDefault().labCodes();
        for (org.hypomag.cds.clinical.Analyte a : org.hypomag.cds.clinical.Analyte.values()) {
            assertThat(codes.plausibleRange(a)).as(a.name()).isPresent();
        }
        LabCodes.Plausible mg = codes.plausibleRange(org.hypomag.cds.clinical.Analyte.MAGNESIUM).orElseThrow();
        assertThat(mg.contains(new java.math.BigDecimal("0.000"))).isFalse();
        assertThat(mg.contains(new java.math.BigDecimal("40"))).isFalse();
        assertThat(mg.contains(new java.math.BigDecimal("0.3"))).isTrue();
        assertThat(mg.contains(new java.math.BigDecimal("15"))).isTrue();
    }
}
