package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;


import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole application with default settings: every CDS endpoint needs a JWT, health does not. */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecuredByDefaultTest {

    @LocalServerPort
    int port;

    @Test
    void discoveryWithoutAToken_is401WithAnOperationOutcome() {
        Http.Answer r = Http.local(port).accepting(Http.JSON_TYPE).get("/cds-services").send();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(r.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void hookCallWithoutAToken_is401() {
        Http.Answer r = Http.local(port).accepting(Http.JSON_TYPE).post("/cds-services/hypomagnesemia-patient-view",
                "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},\"prefetch\":{}}")
                .send();
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(Http.local(port).accepting(Http.JSON_TYPE).get("/actuator/health").send().status()).isEqualTo(200);
    }
}
