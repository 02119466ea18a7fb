package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.hypomag.cds.TestPhases;
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
        HttpResponse<String> r = new HttpCalls(port).get("/cds-services");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(HttpCalls.json(r.body()).path("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void hookCallWithoutAToken_is401() {
        HttpResponse<String> r = new HttpCalls(port).post("/cds-services/hypomagnesemia-patient-view",
                "{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"context\":{\"patientId\":\"p1\"},\"prefetch\":{}}");
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(new HttpCalls(port).get("/actuator/health").statusCode()).isEqualTo(200);
    }
}
