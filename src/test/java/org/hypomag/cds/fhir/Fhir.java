package org.hypomag.cds.fhir;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small FHIR JSON builders for the tests (realistic shapes, as servers send them). */
final class Fhir {

    private Fhir() {
    }

    static String patient(String id) {
        return """
                {"resourceType":"Patient","id":"%s","gender":"female","birthDate":"1950-03-04"}""".formatted(id);
    }

    static String mg(String id, String value, String unit) {
        return """
                {"resourceType":"Observation","id":"%s","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"19123-9"}]},
                 "effectiveDateTime":"2026-11-20T08:00:00Z",
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}"""
                .formatted(id, value, unit, unit);
    }

    static String bundle(String next, String... resources) {
        String entries = Arrays.stream(resources)
                .map(r -> "{\"resource\":" + r + ",\"search\":{\"mode\":\"match\"}}")
                .collect(Collectors.joining(","));
        String link = next == null ? "" : "\"link\":[{\"relation\":\"next\",\"url\":\"" + next + "\"}],";
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"," + link + "\"entry\":[" + entries + "]}";
    }

    static String outcome(String severity, String code, String text) {
        return """
                {"resourceType":"OperationOutcome","issue":[{"severity":"%s","code":"%s",
                 "details":{"text":"%s"}}]}""".formatted(severity, code, text);
    }

    /** Epic's empty search: a Bundle whose only entry is a warning outcome (search.mode=outcome). */
    static String epicNoResults() {
        return """
                {"resourceType":"Bundle","type":"searchset","total":0,"entry":[{"resource":
                 {"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"processing",
                  "details":{"coding":[{"system":"urn:oid:1.2.840.114350.1.13.0.1.7.2.657369","code":"4101",
                  "display":"Resource request returns no results."}],"text":"Resource request returns no results."}}]},
                 "search":{"mode":"outcome"}}]}""";
    }

    static String errorOutcomeEntry() {
        return """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":
                 {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout",
                  "details":{"text":"The query timed out"}}]},"search":{"mode":"outcome"}}]}""";
    }
}
