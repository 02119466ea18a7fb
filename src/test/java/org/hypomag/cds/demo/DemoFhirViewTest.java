package org.hypomag.cds.demo;

import static org.assertj.core.api.Assertions.assertThat;


import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read-only demo FHIR view of the samples (issue 17): search by patient and code, newest first, paged by
 * {@code next}; reads; every input bounded (400/404 OperationOutcome, never 5xx). Same context as the trend-app
 * browser tests (pages of 2, clock at the anchor so dates are as in the files).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.clock.fixed=2026-11-23T08:00:00Z", "cds.demo.fhir.max-page-size=2"})
class DemoFhirViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private Http.Answer get(String path) {
        return Http.at("").get(path.startsWith("http") ? path : "http://localhost:" + port + "/demo/fhir/" + path)
                .send();
    }

    @Test
    void searchByPatientAndCode_pagesNewestFirstThroughNextLinks() throws Exception {
        Http.Answer first = get("Observation?patient=severe-ckd&code=http://loinc.org%7C19123-9&_count=100");
        assertThat(first.status()).isEqualTo(200);
        JsonNode page1 = JSON.readTree(first.body());
        assertThat(page1.path("total").asInt()).isEqualTo(3);
        assertThat(page1.path("entry")).hasSize(2); // _count is capped at the configured page size
        assertThat(page1.at("/entry/0/resource/effectiveDateTime").asString()).isEqualTo("2026-11-22T06:10:00Z");
        String next = page1.at("/link/1/url").asString();
        assertThat(page1.at("/link/1/relation").asString()).isEqualTo("next");
        JsonNode page2 = JSON.readTree(get(next).body());
        assertThat(page2.path("entry")).hasSize(1);
        assertThat(page2.at("/entry/0/resource/valueQuantity/value").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(page2.path("link")).hasSize(1);
    }

    @Test
    void readById_andUnknowns() throws Exception {
        assertThat(JSON.readTree(get("Patient/si-units").body()).path("id").asString()).isEqualTo("si-units");
        assertThat(get("Patient/nobody").status()).isEqualTo(404);
        assertThat(get("Practitioner/x").status()).isEqualTo(404);
        assertThat(get("Observation?patient=nobody").body()).contains("\"total\":0");
    }

    @Test
    void boundedInput_is400WithOperationOutcome() throws Exception {
        for (String bad : new String[] {"Observation?patient=a%20b", "Observation?patient=" + "x".repeat(65),
                "Observation?_count=abc", "Observation?_offset=10001", "Observation?_offset=-1",
                "Observation?code=" + "a,".repeat(51), "Observation?code=" + "a".repeat(4001)}) {
            Http.Answer r = get(bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).contains("\"resourceType\":\"OperationOutcome\"");
        }
    }
}
