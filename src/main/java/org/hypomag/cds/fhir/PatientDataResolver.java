package org.hypomag.cds.fhir;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

@Component
public class PatientDataResolver {
    public PatientData resolve(Map<String, String> templates, FetchRequest request) {
        List<String> missing = templates.keySet().stream().filter(k -> !request.prefetch().containsKey(k)).sorted().toList();
        if (!missing.isEmpty() && request.fhirServer() == null) {
            throw new PrefetchUnavailableException(missing);
        }
        return new PatientData();
    }
}
