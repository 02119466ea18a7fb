package org.hypomag.cds.fhir;

import java.util.List;
import java.util.Map;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.LabCodes;

/**
 * A LabCodes with the terminology.md §A codes the fhir tests need, built in code so these tests do not depend
 * on the lab-codes.yaml of the branch point (which did not parse there; fixed on main).
 */
final class TestKnowledge {

    static final String LOINC = "http://loinc.org";

    private TestKnowledge() {
    }

    static LabCodes labCodes() {
        return new LabCodes("test", Map.of(
                Analyte.MAGNESIUM, loinc("19123-9", "2601-3"),
                Analyte.POTASSIUM, loinc("2823-3", "6298-4"),
                Analyte.CALCIUM_TOTAL, loinc("17861-6", "2000-8"),
                Analyte.CALCIUM_IONIZED, loinc("1994-3", "1995-0"),
                Analyte.ALBUMIN, List.of(),
                Analyte.CREATININE, loinc("2160-0", "38483-4", "14682-9"),
                Analyte.EGFR, loinc("98979-8", "33914-3"),
                Analyte.WEIGHT, loinc("29463-7", "3141-9"),
                Analyte.HEIGHT, loinc("8302-2")),
                loinc("2597-3", "21377-7", "2598-1", "2824-1"));
    }

    private static List<Code> loinc(String... codes) {
        return java.util.Arrays.stream(codes).map(c -> new Code(LOINC, c, null)).toList();
    }
}
