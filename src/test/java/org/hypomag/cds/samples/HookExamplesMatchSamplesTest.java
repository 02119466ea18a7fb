package org.hypomag.cds.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.hypomag.cds.samples.HookExamples.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example requests in hooks/ are generated from fhir-samples/ and the service's prefetch templates, so
 * they cannot drift: this test rebuilds each one and compares. After changing a sample or a template,
 * regenerate with {@code mvn -o test -Dtest=HookExamplesMatchSamplesTest -Dhooks.write=true}.
 */
class HookExamplesMatchSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final HookRequestBuilder BUILDER = new HookRequestBuilder(JSON);

    static Stream<Example> examples() {
        return HookExamples.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void committedRequestEqualsOneBuiltFromTheSample(Example ex) throws IOException {
        JsonNode expected = BUILDER.build(ex);
        Path file = SampleFiles.HOOKS.resolve(ex.file());
        if (Boolean.getBoolean("hooks.write")) {
            Files.writeString(file, JSON.writeValueAsString(expected) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(JSON.readTree(SampleFiles.read(file))).as(ex.file()).isEqualTo(expected);
    }

    @Test
    void everyRequestFileInHooksIsAGeneratedExample() {
        var generated = HookExamples.ALL.stream().map(Example::file).toList();
        assertThat(SampleFiles.hookRequests().stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(generated);
    }

    @Test
    void severeCkdPrefetchCarriesTheLabsTheDemoDependsOn() {
        JsonNode prefetch = BUILDER.build(HookExamples.ALL.get(0)).get("prefetch");
        JsonNode newestMg = prefetch.get("magnesium").get("entry").get(0).get("resource");
        assertThat(newestMg.get("valueQuantity").get("value").asDouble()).isEqualTo(0.8);
        assertThat(prefetch.get("magnesium").get("total").asInt()).isEqualTo(3);
        JsonNode renal = prefetch.get("renal");
        assertThat(renal.get("entry").valueStream().map(e -> e.get("resource").get("code").get("coding").get(0)
                .get("code").asString())).containsExactlyInAnyOrder("2160-0", "98979-8");
        assertThat(prefetch.get("medicationRequests").get("entry").get(0).get("resource")
                .get("medicationCodeableConcept").get("coding").get(0).get("code").asString()).isEqualTo("313988");
        assertThat(prefetch.get("medicationStatements").get("total").asInt()).isZero();
    }

    /**
     * The drafts copy the EHR simulator's shape, whose {@code category} is one object; as an array (R4) every
     * draft must be a valid MedicationRequest, so a service that validates or re-sends it meets no surprise.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void draftOrdersAreValidR4OnceCategoryIsAnArray(Example ex) {
        JsonNode drafts = BUILDER.build(ex).path("context").path("draftOrders").path("entry");
        for (JsonNode entry : drafts) {
            ObjectNode mr = (ObjectNode) entry.get("resource").deepCopy();
            JsonNode category = mr.remove("category");
            mr.putArray("category").add(category);
            SampleValidator.Outcome outcome = SampleValidator.shared().validate(JSON.writeValueAsString(mr));
            assertThat(outcome.failures()).as("%s %s", ex.file(), mr.get("id")).isEmpty();
        }
    }

    @Test
    void readmeExplainsEveryRequestFile() {
        String readme = SampleFiles.read(SampleFiles.HOOKS.resolve("README.md"));
        HookExamples.ALL.forEach(ex -> assertThat(readme).as(ex.file()).contains("`" + ex.file() + "`"));
    }
}
