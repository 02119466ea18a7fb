package org.hypomag.cds.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one Bundle with every resource type the service reads through the service's own JSON reader, once, on a
 * background thread at startup, so the first hook call does not pay for loading that path. HAPI's parser and
 * encoder are no longer warmed: the service parses no FHIR with HAPI and, since issue 16, writes its suggested
 * orders without it (cards.OrderJson); warming them scanned HAPI's model for ~1.8 s of CPU beside the startup
 * on 2 cores, and kept the scanned model in the heap.
 */
@Component
final class ParserWarmup {

    private static final Logger log = LoggerFactory.getLogger(ParserWarmup.class);

    static final String SAMPLE = """
            {"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"http://x/fhir/Patient"}],
             "entry":[
              {"resource":{"resourceType":"Patient","id":"w","gender":"female","birthDate":"1950-01-01"}},
              {"resource":{"resourceType":"Observation","id":"w","status":"final",
                "code":{"coding":[{"system":"http://loinc.org","code":"19123-9"}]},
                "effectiveDateTime":"2026-01-01T00:00:00Z","issued":"2026-01-01T00:00:00Z",
                "valueQuantity":{"value":1.0,"comparator":"<","unit":"mg/dL","system":"http://unitsofmeasure.org",
                 "code":"mg/dL"},"referenceRange":[{"low":{"value":1.7},"high":{"value":2.4}}],
                "dataAbsentReason":{"coding":[{"code":"error"}]}}},
              {"resource":{"resourceType":"MedicationRequest","id":"w","status":"active","intent":"order",
                "contained":[{"resourceType":"Medication","id":"m","code":{"text":"x"},
                 "ingredient":[{"itemCodeableConcept":{"text":"x"}}]}],
                "medicationReference":{"reference":"#m"},"authoredOn":"2026-01-01",
                "dosageInstruction":[{"timing":{"repeat":{"duration":1,"durationUnit":"h"}},
                 "route":{"text":"IV"},"doseAndRate":[{"doseQuantity":{"value":1,"unit":"g"},
                 "rateQuantity":{"value":1,"unit":"g/h"}}]}]}},
              {"resource":{"resourceType":"MedicationStatement","id":"w","status":"active",
                "medicationCodeableConcept":{"text":"x"},"effectivePeriod":{"start":"2026-01-01"},
                "dateAsserted":"2026-01-01"}},
              {"resource":{"resourceType":"Medication","id":"w2","code":{"text":"x"}},"search":{"mode":"include"}},
              {"resource":{"resourceType":"Condition","id":"w","clinicalStatus":{"coding":[{"code":"active"}]},
                "verificationStatus":{"coding":[{"code":"confirmed"}]},"category":[{"coding":[{"code":"problem-list-item"}]}],
                "code":{"text":"x"},"onsetDateTime":"2026-01-01","recordedDate":"2026-01-01"}},
              {"resource":{"resourceType":"ServiceRequest","id":"w","status":"draft","intent":"order","code":{"text":"x"}}},
              {"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"processing"}]},
               "search":{"mode":"outcome"}}]}""";

    ParserWarmup(FhirContext fhirContext) {
        Thread t = new Thread(() -> warm(fhirContext), "fhir-parser-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void warm(FhirContext fhirContext) {
        long t0 = System.nanoTime();
        try {
            new PageReader(fhirContext.getResourceTypes()).read(org.hypomag.cds.clinical.DataKey.MEDICATION_REQUESTS,
                    SAMPLE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            log.info("FHIR reader warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("FHIR parser warm-up failed: {}", e.getClass().getSimpleName());
        }
    }
}
