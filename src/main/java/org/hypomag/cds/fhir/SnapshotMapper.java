package org.hypomag.cds.fhir;

import java.util.List;
import java.util.Map;

import org.hypomag.cds.clinical.PatientSnapshot;
import org.springframework.stereotype.Component;

@Component
public class SnapshotMapper {
    public PatientSnapshot toSnapshot(String patientId, PatientData data, String draftOrdersJson, List<String> selections,
                                      boolean allDraftsSelected) {
        return new PatientSnapshot(patientId, null, null, List.of(), List.of(), List.of(), List.of(), Map.of());
    }
}
