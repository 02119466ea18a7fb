package org.hypomag.cds.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.hypomag.cds.testing.Http;

/**
 * {@code POST [base]/<Type>/$validate} on the real server. The server has no terminology service, so issues
 * about unknown code systems or code validation are printed and ignored; any other error or fatal issue fails.
 */
final class ServerValidation {

    private static final Http HTTP = Http.at("").accepting(Http.FHIR_OR_JSON);

    /** Messages the validator gives for codes it cannot check without a terminology server. */
    static final Pattern TERMINOLOGY = Pattern.compile("(?i)CodeSystem is unknown|unknown code ?system"
            + "|terminology|unable to validate code|unable to expand|code system .* (not|could not be) found");

    private ServerValidation() {
    }

    static void assertNoErrorsExceptTerminology(String fhirBase, JsonNode resource, ObjectMapper json) {
        String type = resource.path("resourceType").asString();
        ObjectNode parameters = json.createObjectNode().put("resourceType", "Parameters");
        parameters.putArray("parameter").addObject().put("name", "resource").set("resource", resource);
        Http.Answer a = HTTP.post(fhirBase + "/" + type + "/$validate", parameters.toString())
                .contentType(Http.FHIR_JSON).send();
        JsonNode outcome = json.readTree(a.body());
        assertEquals("OperationOutcome", outcome.path("resourceType").asString(), type + " $validate: " + a.body());
        List<String> errors = new ArrayList<>();
        for (JsonNode issue : outcome.path("issue")) {
            String severity = issue.path("severity").asString();
            String text = issue.path("diagnostics").asString() + " @ " + issue.path("expression");
            if (!severity.equals("error") && !severity.equals("fatal")) {
                continue;
            }
            if (TERMINOLOGY.matcher(text).find()) {
                System.out.println("$validate " + type + ": ignored (no terminology server): " + severity + " " + text);
            } else {
                errors.add(severity + " " + text);
            }
        }
        assertEquals(List.of(), errors, type + " fails $validate:\n" + resource);
    }
}
