package org.hypomag.cds.cdshooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The FHIR OperationOutcome every non-2xx answer carries. Written with Jackson because it is this
 * service's own error body (a fixed, tiny shape), not FHIR data read from elsewhere.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OperationOutcome(String resourceType, List<Issue> issue) {

    public static final String ERROR_SYSTEM = "urn:hypomag:cds:error";

    public static OperationOutcome error(String issueType, String code, String text) {
        return new OperationOutcome("OperationOutcome",
                List.of(new Issue("error", issueType, new Details(List.of(new Code(ERROR_SYSTEM, code)), text))));
    }

    /** One issue: severity, FHIR issue type, and details with the stable code and a readable text. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Issue(String severity, String code, Details details) {
    }

    /** details: coding with the stable error code, and the human text. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Details(List<Code> coding, String text) {
    }

    /** A coding in details. */
    public record Code(String system, String code) {
    }
}
