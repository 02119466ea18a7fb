package org.hypomag.cds.fhir;

import java.util.Map;
import java.util.Optional;

public record FetchRequest(String fhirServer, String accessToken, Map<String, String> tokens,
                           Map<String, Optional<String>> prefetch) {
}
