package org.hypomag.cds.cdshooks;

import java.time.Instant;
import java.util.List;

import org.hypomag.cds.clinical.LabCodes;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.fhir.PrefetchTemplates;
import org.springframework.stereotype.Component;

/** {@code hypomagnesemia-order-sign}: graded alert, drug causes and dosed orders before orders are signed. */
@Component
class OrderSignService implements CdsService {

    static final String ID = "hypomagnesemia-order-sign";

    private final ServiceDescriptor descriptor;

    OrderSignService(LabCodes labCodes) {
        this.descriptor = new ServiceDescriptor("order-sign", ID, "Hypomagnesemia: last check before signing",
                "Grades the newest serum magnesium, names magnesium-wasting drugs and suggests a magnesium "
                        + "sulfate order dosed for the level, kidney function and age.",
                PrefetchTemplates.all(labCodes),
                "Prefetch all keys or send fhirServer with an access token that can read Patient, Observation, "
                        + "MedicationStatement, MedicationRequest and Condition for the patient.",
                null);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public boolean isLastSafetyNet() {
        return true;
    }

    @Override
    public List<String> requiredContext() {
        return List.of("patientId", "draftOrders");
    }

    @Override
    public List<Card> cards(PatientSnapshot snapshot, HookCall call, Instant now) {
        return List.of(); // the clinical engine (issue 5) fills this
    }
}
