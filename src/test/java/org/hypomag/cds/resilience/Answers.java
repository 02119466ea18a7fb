package org.hypomag.cds.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

import org.hypomag.cds.testing.Http;

/** What every answer of the service must look like, however bad the request. */
final class Answers {

    private Answers() {
    }

    /**
     * Never a 5xx; a non-2xx is a 4xx whose body is an OperationOutcome with a stable code; a 2xx on a hook
     * endpoint is a CDS response with a {@code cards} array.
     */
    static void assertWellFormed(Http.Answer answer, boolean hookEndpoint, String what) {
        assertThat(answer.ioError()).as("connection failed for %s: %s", what, answer.body()).isFalse();
        assertThat(answer.status()).as("status for %s; body %s", what, head(answer.body())).isLessThan(500);
        if (answer.status() >= 200 && answer.status() < 300) {
            if (hookEndpoint && !answer.body().isEmpty()) {
                assertThat(parse(answer, what).path("cards").isArray()).as("cards array for %s", what).isTrue();
            }
            return;
        }
        assertThat(answer.status()).as("status for %s", what).isBetween(400, 499);
        JsonNode body = parse(answer, what);
        assertThat(body.path("resourceType").asString()).as("OperationOutcome for %s; body %s", what,
                head(answer.body())).isEqualTo("OperationOutcome");
        assertThat(body.at("/issue/0/details/coding/0/code").asString()).as("stable code for %s", what)
                .startsWith("CDS-" + answer.status());
    }

    private static JsonNode parse(Http.Answer answer, String what) {
        try {
            return HookRequests.JSON.readTree(answer.body());
        } catch (RuntimeException e) {
            throw new AssertionError("answer to " + what + " is not JSON (status " + answer.status() + "): "
                    + head(answer.body()), e);
        }
    }

    static String head(String s) {
        return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
