package org.hypomag.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The one OperationOutcome writer gives the bytes the hand-written bodies of the filters and valve gave. */
class OperationOutcomeTest {

    @Test
    void json_isTheFixedShapeEveryErrorAnswerHad() {
        assertThat(OperationOutcome.error("too-long", "CDS-413-TOO-LARGE",
                "The request body is larger than this service accepts").json())
                .isEqualTo("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                        + "\"code\":\"too-long\",\"details\":{\"coding\":[{\"system\":\"urn:hypomag:cds:error\","
                        + "\"code\":\"CDS-413-TOO-LARGE\"}],\"text\":\"The request body is larger than this service "
                        + "accepts\"}}]}");
    }

    @Test
    void textWithQuotesAndBackslashes_isEscaped() {
        String json = OperationOutcome.error("invalid", "X", "a \"quoted\" \\ text").json();
        assertThat(json).contains("\"text\":\"a \\\"quoted\\\" \\\\ text\"");
    }

    @Test
    void write_setsStatusJsonAndBody() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        OperationOutcome.error("security", "AUTH-MISSING-TOKEN", "no").write(response, 401);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"code\":\"AUTH-MISSING-TOKEN\"");
    }

    @Test
    void write_onACommittedResponse_changesNothing() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(200);
        response.getWriter().write("done");
        response.flushBuffer();
        OperationOutcome.error("security", "AUTH-MISSING-TOKEN", "no").write(response, 401);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("done");
    }
}
