package org.hypomag.cds.fhir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR OperationOutcome every non-2xx answer of this service carries, and its one writer: the error advice
 * returns it as a body, the filters, the authentication filter and Tomcat's error valve write {@link #json()}.
 * Written with Jackson because it is this service's own error body (a fixed, tiny shape), not FHIR data read
 * from elsewhere.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OperationOutcome(String resourceType, List<Issue> issue) {

    /** The system of the stable error code in {@code issue[0].details.coding[0]}. */
    public static final String ERROR_SYSTEM = "urn:hypomag:cds:error";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One error issue with a FHIR issue type, a stable code and a text safe to show. */
    public static OperationOutcome error(String issueType, String code, String text) {
        return new OperationOutcome("OperationOutcome",
                List.of(new Issue("error", issueType, new Details(List.of(new Code(ERROR_SYSTEM, code)), text))));
    }

    /** The JSON text of this outcome. */
    public String json() {
        return JSON.writeValueAsString(this);
    }

    /**
     * Writes this outcome as the whole answer (status, JSON content type, body), for the code that runs before
     * or outside Spring MVC; the caller sets any further headers first. Does nothing once the answer is committed.
     */
    public void write(HttpServletResponse response, int status) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json());
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
