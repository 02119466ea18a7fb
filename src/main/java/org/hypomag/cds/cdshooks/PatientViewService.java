package org.hypomag.cds.cdshooks;

import java.time.Instant;
import java.util.List;

import org.hypomag.cds.clinical.LabCodes;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.fhir.PrefetchTemplates;
import org.springframework.stereotype.Component;

/** {@code hypomagnesemia-patient-view}: graded alert, drug causes and dosed orders when a chart opens. */
@Component
class PatientViewService implements CdsService {

    static final String ID = "hypomagnesemia-patient-view";

    private final ServiceDescriptor descriptor;

    PatientViewService(LabCodes labCodes) {
        this.descriptor = new ServiceDescriptor("patient-view", ID, "Hypomagnesemia: alert and magnesium orders",
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
    public List<String> requiredContext() {
        return List.of("patientId");
    }

    @Override
    public List<Card> cards(PatientSnapshot snapshot, HookCall call, Instant now) {
        return List.of(); // the clinical engine (issue 4) fills this
    }
}
