package org.hypomag.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.LabCodes;
import org.junit.jupiter.api.Test;

class LabCodesLoaderTest {

    private static final String LOINC = "http://loinc.org";

    @Test
    void shippedFile_classifiesSerumMagnesiumAndExcludesRbcAndWholeBlood() {
        LabCodes codes = LabCodesLoader.loadDefault();
        assertThat(codes.classify(new Code(LOINC, "19123-9", null))).contains(Analyte.MAGNESIUM);
        assertThat(codes.classify(new Code(LOINC, "2601-3", null))).contains(Analyte.MAGNESIUM);
        assertThat(codes.classify(new Code(LOINC, "2597-3", null))).isEmpty();
        assertThat(codes.classify(new Code(LOINC, "21377-7", null))).isEmpty();
        assertThat(codes.classify(new Code(LOINC, "98979-8", null))).contains(Analyte.EGFR);
        assertThat(codes.classify(new Code(LOINC, "14682-9", null))).contains(Analyte.CREATININE);
    }

    @Test
    void sameDigitsInAnotherSystem_areNotLabs() {
        LabCodes codes = LabCodesLoader.loadDefault();
        // CDC race code 2000-8 and ethnicity code 2160-0 share digits with calcium and creatinine LOINCs
        assertThat(codes.classify(new Code("urn:oid:2.16.840.1.113883.6.238", "2000-8", null))).isEmpty();
        assertThat(codes.classify(new Code("urn:oid:2.16.840.1.113883.6.238", "2160-0", null))).isEmpty();
    }

    @Test
    void brokenFile_reportsEveryProblem() {
        String yaml = """
                version: x
                analytes:
                  MAGNESIUM:
                    - {system: http://loinc.org, code: 19123-9}
                  POTASIUM: []
                excluded: nope
                """;
        assertThatThrownBy(() -> LabCodesLoader.load("test.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(KnowledgeException.class)
                .satisfies(e -> assertThat(((KnowledgeException) e).problems()).anySatisfy(p ->
                        assertThat(p).contains("analytes.MAGNESIUM[0]: needs system, code and ref"))
                        .anySatisfy(p -> assertThat(p).contains("POTASIUM: unknown analyte"))
                        .anySatisfy(p -> assertThat(p).contains("analytes.POTASSIUM: missing"))
                        .anySatisfy(p -> assertThat(p).contains("excluded: expected a list")));
    }
}
