package org.hypomag.cds.samples;

import java.util.List;
import java.util.Set;

import org.hypomag.cds.samples.DraftOrders.MgSulfate;
import org.hypomag.cds.samples.DraftOrders.Oral;

/** The example requests in hooks/, each built from one sample patient. hooks/README.md explains each. */
final class HookExamples {

    /** How the request carries patient data. */
    enum Data {
        /** Every prefetch key, answered from the sample bundle; no fhirServer. */
        PREFETCH,
        /** No prefetch: fhirServer + fhirAuthorization, the service fetches. */
        FHIR_SERVER
    }

    /**
     * One example request. {@code nullKeys} are prefetch keys sent as JSON null ("known to be empty"); they
     * must have no results in the sample. Drafts are oral products or MgSO4 orders.
     */
    record Example(String file, String hook, String patientId, Data data, Set<String> nullKeys,
            List<Object> drafts) {
    }

    static final Oral PANTOPRAZOLE = new Oral("draft-pantoprazole", "314200",
            "pantoprazole 40 MG Delayed Release Oral Tablet");
    static final Oral FUROSEMIDE = new Oral("draft-furosemide", "313988", "Furosemide 40 MG Oral Tablet");
    /** D6/D15 for severe-ckd (Mg 0.8, eGFR 25): 2 g over 4–12 h. */
    static final MgSulfate MGSO4_CORRECT = new MgSulfate("draft-mgso4", 2, 50, 4);
    /** Three times the renal-cut dose for severe-ckd: 6 g is inside the normal-kidney 4–8 g, not the 2–4 g. */
    static final MgSulfate MGSO4_OVERDOSE = new MgSulfate("draft-mgso4", 6, 150, 12);
    /** A routine mild-range order drafted while Mg is normal (D16: no indication). */
    static final MgSulfate MGSO4_NO_INDICATION = new MgSulfate("draft-mgso4", 1, 50, 1);

    static final List<Example> ALL = List.of(
            prefetch("patient-view-severe-ckd-prefetch.json", "patient-view", "severe-ckd"),
            server("patient-view-severe-ckd-no-prefetch.json", "patient-view", "severe-ckd"),
            new Example("patient-view-emergency-torsades-prefetch.json", "patient-view", "emergency-torsades",
                    Data.PREFETCH, Set.of("medicationRequests"), List.of()),
            prefetch("patient-view-child-moderate-prefetch.json", "patient-view", "child-moderate"),
            prefetch("patient-view-no-labs-prefetch.json", "patient-view", "no-labs"),
            prefetch("order-select-pantoprazole-no-labs-prefetch.json", "order-select", "no-labs", PANTOPRAZOLE),
            prefetch("order-select-furosemide-moderate-ppi-prefetch.json", "order-select", "moderate-ppi",
                    FUROSEMIDE),
            prefetch("order-select-mgso4-correct-severe-ckd-prefetch.json", "order-select", "severe-ckd",
                    MGSO4_CORRECT),
            prefetch("order-select-mgso4-overdose-severe-ckd-prefetch.json", "order-select", "severe-ckd",
                    MGSO4_OVERDOSE),
            server("order-select-mgso4-overdose-severe-ckd-no-prefetch.json", "order-select", "severe-ckd",
                    MGSO4_OVERDOSE),
            prefetch("order-sign-mgso4-overdose-severe-ckd-prefetch.json", "order-sign", "severe-ckd",
                    MGSO4_OVERDOSE),
            prefetch("order-sign-mgso4-normal-mg-ppi-prefetch.json", "order-sign", "normal-mg-ppi",
                    MGSO4_NO_INDICATION),
            server("order-sign-furosemide-moderate-ppi-no-prefetch.json", "order-sign", "moderate-ppi",
                    FUROSEMIDE));

    private static Example prefetch(String file, String hook, String patientId, Object... drafts) {
        return new Example(file, hook, patientId, Data.PREFETCH, Set.of(), List.of(drafts));
    }

    private static Example server(String file, String hook, String patientId, Object... drafts) {
        return new Example(file, hook, patientId, Data.FHIR_SERVER, Set.of(), List.of(drafts));
    }

    private HookExamples() {
    }
}
