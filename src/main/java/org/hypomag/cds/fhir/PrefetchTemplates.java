package org.hypomag.cds.fhir;

import java.util.Collections;
import java.util.EnumMap;
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
    /**
     * Issue 18.4: the rules read only Conditions that are not resolved, inactive or in remission (active,
     * recurrence, relapse, or no clinical status at all, which the mapper takes as active). {@code :not} keeps
     * those without a status, which {@code clinical-status=active} would drop. Neither category nor code is
     * narrowed: category is optional in R4 and an uncategorised emergency must still count, and the emergency
     * and dialysis concepts are matched by text too (tetany has no code at all), so a code search would miss them.
     */
    static final String CONDITION_STATUS = "&clinical-status:not=resolved,inactive,remission";
    /**
     * Issue 18.2, D22: the exposure chain needs the stopped and completed prescriptions/statements too, not only
     * the current ones; bounded by the page and entry bounds of the fetch (cds.fhir.*).
     */
    static final String REQUEST_STATUSES = "active,on-hold,draft,completed,stopped";
    static final String STATEMENT_STATUSES = "active,intended,on-hold,completed,stopped";

    private PrefetchTemplates() {
    }

    /** The prefetch contract as published in discovery: prefetch key name → template, in {@link DataKey} order. */
    public static Map<String, String> all(LabCodes codes) {
        Map<String, String> t = new LinkedHashMap<>();
        byKey(codes).forEach((key, template) -> t.put(key.prefetchKey(), template));
        return t;
    }

    /** One template per {@link DataKey}: what discovery publishes and what the service fetches itself. */
    public static Map<DataKey, String> byKey(LabCodes codes) {
        Map<DataKey, String> t = new EnumMap<>(DataKey.class);
        t.put(DataKey.PATIENT, "Patient/{{context.patientId}}");
        t.put(DataKey.MAGNESIUM, labs(codes.codes(Analyte.MAGNESIUM)));
        t.put(DataKey.POTASSIUM, labs(codes.codes(Analyte.POTASSIUM)));
        t.put(DataKey.CALCIUM, labs(concat(codes, Analyte.CALCIUM_TOTAL, Analyte.CALCIUM_IONIZED,
                Analyte.ALBUMIN)));
        t.put(DataKey.RENAL, labs(concat(codes, Analyte.CREATININE, Analyte.EGFR)));
        t.put(DataKey.WEIGHT, labs(concat(codes, Analyte.WEIGHT, Analyte.HEIGHT)));
        t.put(DataKey.MEDICATION_STATEMENTS, "MedicationStatement?patient={{context.patientId}}"
                + "&status=" + STATEMENT_STATUSES + "&_include=MedicationStatement:medication&_count=" + LIST_COUNT);
        t.put(DataKey.MEDICATION_REQUESTS, "MedicationRequest?patient={{context.patientId}}"
                + "&status=" + REQUEST_STATUSES + "&_include=MedicationRequest:medication&_count=" + LIST_COUNT);
        t.put(DataKey.MEDICATION_ADMINISTRATIONS, administrations());
        t.put(DataKey.CONDITIONS, "Condition?patient={{context.patientId}}" + CONDITION_STATUS
                + "&_count=" + LIST_COUNT);
        return Collections.unmodifiableMap(t);
    }

    /**
     * Issue 18.7: administrations newest first, one bounded page (the rules count an administration for at most
     * its class's window, drug-catalog.yaml; CDS Hooks 2.0 has no date token, so the window is the rules').
     */
    private static String administrations() {
        return "MedicationAdministration?patient={{context.patientId}}&_sort=-effective-time"
                + "&_include=MedicationAdministration:medication&_count=" + ADMINISTRATION_COUNT;
    }

    /**
     * The query the service falls back to when a server refuses a template's narrowing with 400 (a server
     * without {@code :not} on tokens): the unfiltered Condition list, read within the same bounds. Null for
     * every other template.
     */
    static String fallback(String template) {
        return template != null && template.contains(CONDITION_STATUS) ? template.replace(CONDITION_STATUS, "")
                : null;
    }

    private static List<Code> concat(LabCodes codes, Analyte... analytes) {
        return Stream.of(analytes).flatMap(a -> codes.codes(a).stream()).toList();
    }

    private static String labs(List<Code> codes) {
        String codeParam = codes.stream().map(c -> c.system() + "|" + c.code()).collect(Collectors.joining(","));
        return "Observation?patient={{context.patientId}}&code=" + codeParam + "&_sort=-date&_count=" + LAB_COUNT;
    }
}
