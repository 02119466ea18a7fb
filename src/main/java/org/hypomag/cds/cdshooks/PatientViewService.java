package org.hypomag.cds.cdshooks;

import java.time.Instant;
import java.util.List;

import org.hypomag.cds.cards.Card;
import org.hypomag.cds.cards.PatientViewCardRenderer;
import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.Assessor;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.springframework.stereotype.Component;

/** {@code hypomagnesemia-patient-view}: graded alert, drug causes and dosed orders when a chart opens. */
@Component
class PatientViewService implements CdsService {

    static final String ID = "hypomagnesemia-patient-view";

    private final ServiceDescriptor descriptor;
    private final Knowledge knowledge;
    private final PatientViewCardRenderer renderer;

    PatientViewService(Knowledge knowledge, PatientViewCardRenderer renderer) {
        this.knowledge = knowledge;
        this.renderer = renderer;
        this.descriptor = ServiceDescriptors.of("patient-view", ID, "Hypomagnesemia: alert and magnesium orders",
                "Grades the newest serum magnesium, names magnesium-wasting drugs and suggests a magnesium "
                        + "sulfate order dosed for the level, kidney function and age.", true, knowledge);
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
        Assessment assessment = Assessor.assess(snapshot, knowledge, now);
        return renderer.render(assessment, call.patientId() != null ? call.patientId() : snapshot.patientId());
    }
}
