package org.hypomag.bench.peer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.CdsService;
import ca.uhn.hapi.fhir.cdshooks.api.CdsServicePrefetch;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardSourceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * A thin patient-view service, equivalent to ours at the protocol level (benchmark only): the same id, hook and
 * prefetch contract as our {@code GET /cds-services} publishes (src/main/java/org/hypomag/cds/fhir/PrefetchTemplates
 * with the codes of src/main/resources/knowledge/lab-codes.yaml; bench/peer-compare.py checks that both discovery
 * documents publish the same templates), HAPI parses every prefetched resource, and the service grades the
 * newest serum magnesium and answers one card (summary, indicator, source). It does not do our engine's work
 * (drug causes, dosing, monitoring, the other electrolytes).
 * <p>
 * Numbers hardcoded from src/main/resources/knowledge/thresholds.yaml (hypomagnesemia.md D2, D3): severe below
 * 1.0 mg/dL (critical), moderate 1.0 to 1.5 inclusive (warning), mild above 1.5 and below the lower limit 1.7
 * (info), high above 2.4 (warning); a result older than 168 h is not graded (no card here). Units from
 * src/main/resources/knowledge/units.yaml: mmol/L x 2.4305 (molar mass 24.305 g/mol), mEq/L x 1.21525.
 */
public class HypomagnesemiaPatientView {

    private static final String PATIENT = "{{context.patientId}}";
    private static final String LOINC = "http://loinc.org|";
    private static final String LAB_TAIL = "&_sort=-date&_count=20";

    /** lab-codes.yaml MAGNESIUM: the serum/plasma codes only (hypomagnesemia.md D1). */
    private static final Set<String> MG_CODES = Set.of("19123-9", "2601-3");
    /** hypomagnesemia.md D3: statuses whose value counts. */
    private static final Set<String> USABLE = Set.of("final", "amended", "corrected", "preliminary");

    private static final BigDecimal SEVERE_BELOW = new BigDecimal("1.0");
    private static final BigDecimal MODERATE_UP_TO = new BigDecimal("1.5");
    private static final BigDecimal LOWER_LIMIT = new BigDecimal("1.7");
    private static final BigDecimal UPPER_LIMIT = new BigDecimal("2.4");
    private static final Duration STALE_AFTER = Duration.ofHours(168);

    @CdsService(value = "hypomagnesemia-patient-view", hook = "patient-view",
            title = "Hypomagnesemia (HAPI CDS Hooks peer, benchmark only)",
            description = "Grades the newest serum magnesium; benchmark peer of the hypomagnesemia service",
            prefetch = {
                @CdsServicePrefetch(value = "patient", query = "Patient/" + PATIENT),
                @CdsServicePrefetch(value = "magnesium", query = "Observation?patient=" + PATIENT + "&code="
                        + LOINC + "19123-9," + LOINC + "2601-3" + LAB_TAIL),
                @CdsServicePrefetch(value = "potassium", query = "Observation?patient=" + PATIENT + "&code="
                        + LOINC + "2823-3," + LOINC + "6298-4," + LOINC + "22760-3," + LOINC + "77142-8,"
                        + LOINC + "42569-4," + LOINC + "32713-0," + LOINC + "39789-3," + LOINC + "39790-1,"
                        + LOINC + "41656-0" + LAB_TAIL),
                @CdsServicePrefetch(value = "calcium", query = "Observation?patient=" + PATIENT + "&code="
                        + LOINC + "17861-6," + LOINC + "2000-8," + LOINC + "49765-1," + LOINC + "29265-6,"
                        + LOINC + "1994-3," + LOINC + "1995-0," + LOINC + "17864-0," + LOINC + "13959-2"
                        + LAB_TAIL),
                @CdsServicePrefetch(value = "renal", query = "Observation?patient=" + PATIENT + "&code="
                        + LOINC + "2160-0," + LOINC + "38483-4," + LOINC + "14682-9," + LOINC + "59826-8,"
                        + LOINC + "77140-2," + LOINC + "21232-4," + LOINC + "35203-9," + LOINC + "98979-8,"
                        + LOINC + "98980-6," + LOINC + "62238-1," + LOINC + "94677-2," + LOINC + "33914-3,"
                        + LOINC + "48642-3," + LOINC + "48643-1," + LOINC + "50044-7," + LOINC + "77147-7,"
                        + LOINC + "76633-7," + LOINC + "69405-9" + LAB_TAIL),
                @CdsServicePrefetch(value = "weight", query = "Observation?patient=" + PATIENT + "&code="
                        + LOINC + "29463-7," + LOINC + "3141-9," + LOINC + "8302-2" + LAB_TAIL),
                @CdsServicePrefetch(value = "medicationStatements", query = "MedicationStatement?patient=" + PATIENT
                        + "&status=active,intended,on-hold,completed,stopped"
                        + "&_include=MedicationStatement:medication&_count=100"),
                @CdsServicePrefetch(value = "medicationRequests", query = "MedicationRequest?patient=" + PATIENT
                        + "&status=active,on-hold,draft,completed,stopped"
                        + "&_include=MedicationRequest:medication&_count=100"),
                @CdsServicePrefetch(value = "medicationAdministrations", query = "MedicationAdministration?patient="
                        + PATIENT + "&_sort=-effective-time&_include=MedicationAdministration:medication&_count=50"),
                @CdsServicePrefetch(value = "conditions", query = "Condition?patient=" + PATIENT
                        + "&clinical-status:not=resolved,inactive,remission&_count=100")
            })
    public CdsServiceResponseJson patientView(CdsServiceRequestJson request) {
        CdsServiceResponseJson response = new CdsServiceResponseJson();
        Observation newest = newestMagnesium(request.getPrefetch("magnesium"));
        BigDecimal mg = newest == null ? null : mgPerDl(newest.getValueQuantity());
        Instant when = newest == null ? null : newest.getEffectiveDateTimeType().getValue().toInstant();
        if (mg == null || Duration.between(when, Instant.now()).compareTo(STALE_AFTER) > 0) {
            return response;
        }
        CdsServiceIndicatorEnum indicator;
        String title;
        if (mg.compareTo(SEVERE_BELOW) < 0) {
            indicator = CdsServiceIndicatorEnum.CRITICAL;
            title = "Severe hypomagnesemia";
        } else if (mg.compareTo(MODERATE_UP_TO) <= 0) {
            indicator = CdsServiceIndicatorEnum.WARNING;
            title = "Moderate hypomagnesemia";
        } else if (mg.compareTo(LOWER_LIMIT) < 0) {
            indicator = CdsServiceIndicatorEnum.INFO;
            title = "Mild hypomagnesemia";
        } else if (mg.compareTo(UPPER_LIMIT) > 0) {
            indicator = CdsServiceIndicatorEnum.WARNING;
            title = "High magnesium";
        } else {
            return response;
        }
        CdsServiceResponseCardJson card = new CdsServiceResponseCardJson()
                .setUuid(UUID.randomUUID().toString())
                .setSummary(title + ": Mg " + mg.setScale(1, RoundingMode.HALF_UP).toPlainString() + " mg/dL on "
                        + when.atZone(ZoneOffset.UTC).toLocalDate())
                .setIndicator(indicator)
                .setSource(new CdsServiceResponseCardSourceJson().setLabel("Hypomagnesemia CDS (HAPI peer)"));
        response.addCard(card);
        return response;
    }

    private static Observation newestMagnesium(IBaseResource prefetched) {
        if (!(prefetched instanceof Bundle bundle)) {
            return null;
        }
        Observation newest = null;
        Date newestAt = null;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Observation o && isSerumMagnesium(o) && o.getStatus() != null
                    && USABLE.contains(o.getStatus().toCode()) && o.hasValueQuantity()
                    && o.hasEffectiveDateTimeType()) {
                Date at = o.getEffectiveDateTimeType().getValue();
                if (at != null && (newestAt == null || at.after(newestAt))) {
                    newest = o;
                    newestAt = at;
                }
            }
        }
        return newest;
    }

    private static boolean isSerumMagnesium(Observation o) {
        for (Coding c : o.getCode().getCoding()) {
            if ("http://loinc.org".equals(c.getSystem()) && MG_CODES.contains(c.getCode())) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal mgPerDl(Quantity q) {
        if (q.getValue() == null) {
            return null;
        }
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        if (unit == null) {
            return null;
        }
        return switch (unit.toLowerCase()) {
            case "mg/dl" -> q.getValue();
            case "mmol/l" -> q.getValue().multiply(new BigDecimal("2.4305"));
            case "meq/l" -> q.getValue().multiply(new BigDecimal("1.21525"));
            default -> null;
        };
    }
}
