package org.hypomag.cds.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.clinical.LabCodes;

/**
 * The prefetch contract published in discovery, one query per {@link DataKey}. The same templates are
 * what the service fetches itself when a key is missing, so what the EHR prefetches and what the service
 * would fetch cannot drift. Only CDS Hooks 2.0 tokens are used (no {@code today()}): dates are filtered
 * by the rules, not the query.
 */
public final class PrefetchTemplates {

    /** Newest-first page size for lab searches: enough for the current value, a trend and D3/D10 windows. */
    static final int LAB_COUNT = 20;
    static final int LIST_COUNT = 100;
    /** Newest-first page size for administrations: a few months of infusions or inpatient doses. */
    static final int ADMINISTRATION_COUNT = 50;

    private PrefetchTemplates() {
    }

    public static Map<String, String> all(LabCodes codes) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(DataKey.PATIENT.prefetchKey(), "Patient/{{context.patientId}}");
        t.put(DataKey.MAGNESIUM.prefetchKey(), labs(codes.codes(Analyte.MAGNESIUM)));
        t.put(DataKey.POTASSIUM.prefetchKey(), labs(codes.codes(Analyte.POTASSIUM)));
        t.put(DataKey.CALCIUM.prefetchKey(), labs(concat(codes, Analyte.CALCIUM_TOTAL, Analyte.CALCIUM_IONIZED,
                Analyte.ALBUMIN)));
        t.put(DataKey.RENAL.prefetchKey(), labs(concat(codes, Analyte.CREATININE, Analyte.EGFR)));
        t.put(DataKey.WEIGHT.prefetchKey(), labs(concat(codes, Analyte.WEIGHT, Analyte.HEIGHT)));
        t.put(DataKey.MEDICATION_STATEMENTS.prefetchKey(), "MedicationStatement?patient={{context.patientId}}"
                + "&status=active,intended,on-hold&_include=MedicationStatement:medication&_count=" + LIST_COUNT);
        t.put(DataKey.MEDICATION_REQUESTS.prefetchKey(), "MedicationRequest?patient={{context.patientId}}"
                + "&status=active,on-hold,draft&_include=MedicationRequest:medication&_count=" + LIST_COUNT);
        t.put(DataKey.MEDICATION_ADMINISTRATIONS.prefetchKey(), administrations());
        t.put(DataKey.CONDITIONS.prefetchKey(), "Condition?patient={{context.patientId}}&_count=" + LIST_COUNT);
        return t;
    }

    /**
     * Issue 18.7: administrations newest first, one bounded page (the rules count an administration for at most
     * its class's window, drug-catalog.yaml; CDS Hooks 2.0 has no date token, so the window is the rules').
     */
    private static String administrations() {
        return "MedicationAdministration?patient={{context.patientId}}&_sort=-effective-time"
                + "&_include=MedicationAdministration:medication&_count=" + ADMINISTRATION_COUNT;
    }

    private static List<Code> concat(LabCodes codes, Analyte... analytes) {
        return Stream.of(analytes).flatMap(a -> codes.codes(a).stream()).toList();
    }

    private static String labs(List<Code> codes) {
        String codeParam = codes.stream().map(c -> c.system() + "|" + c.code()).collect(Collectors.joining(","));
        return "Observation?patient={{context.patientId}}&code=" + codeParam + "&_sort=-date&_count=" + LAB_COUNT;
    }
}
