package org.hypomag.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What each reader of {@link FhirJson} answers for every kind of JSON node: a value, absent, or malformed. */
class FhirJsonTest {

    private static JsonNode json(String text) {
        return FhirJson.MAPPER.readTree(text);
    }

    private static final JsonNode ALL = json("""
            {"s": "text", "blank": "  ", "n": 1.50, "b": true, "nul": null, "o": {"code": "x"},
             "emptyO": {"a": null, "b": " ", "c": {}, "d": []}, "a": [{"code": "y"}, null, {"code": "z"}],
             "mixed": [{"code": "y"}, "text"], "numText": " 2.50 ", "badText": "abc", "longText": "%s"}
            """.formatted("1".repeat(65)));

    @Test
    void stringReadsPrimitivesAsTextAndRefusesStructures() {
        assertThat(FhirJson.string(ALL, "s")).isEqualTo("text");
        assertThat(FhirJson.string(ALL, "n")).isEqualTo("1.50");
        assertThat(FhirJson.string(ALL, "b")).isEqualTo("true");
        assertThat(FhirJson.string(ALL, "nul")).isNull();
        assertThat(FhirJson.string(ALL, "missing")).isNull();
        assertThat(FhirJson.string(null, "s")).isNull();
        assertThatThrownBy(() -> FhirJson.string(ALL, "o")).isInstanceOf(FhirJson.Malformed.class);
        assertThatThrownBy(() -> FhirJson.string(ALL, "a")).isInstanceOf(FhirJson.Malformed.class);
    }

    @Test
    void objectIsNullWhenAbsentOrEmptyAndRefusesValues() {
        assertThat(FhirJson.object(ALL, "o")).isNotNull();
        assertThat(FhirJson.object(ALL, "emptyO")).isNull();
        assertThat(FhirJson.object(ALL, "nul")).isNull();
        assertThat(FhirJson.object(ALL, "missing")).isNull();
        assertThatThrownBy(() -> FhirJson.object(ALL, "s")).isInstanceOf(FhirJson.Malformed.class);
        assertThatThrownBy(() -> FhirJson.object(ALL, "n")).isInstanceOf(FhirJson.Malformed.class);
        assertThatThrownBy(() -> FhirJson.object(ALL, "a")).isInstanceOf(FhirJson.Malformed.class);
    }

    @Test
    void arraySkipsNullsTakesASingleObjectAndRefusesValues() {
        assertThat(FhirJson.array(ALL, "a")).extracting(n -> n.get("code").stringValue()).containsExactly("y", "z");
        assertThat(FhirJson.array(ALL, "o")).hasSize(1);
        assertThat(FhirJson.array(ALL, "nul")).isEmpty();
        assertThat(FhirJson.array(ALL, "missing")).isEmpty();
        assertThatThrownBy(() -> FhirJson.array(ALL, "mixed")).isInstanceOf(FhirJson.Malformed.class);
        assertThatThrownBy(() -> FhirJson.array(ALL, "s")).isInstanceOf(FhirJson.Malformed.class);
    }

    @Test
    void decimalKeepsTrailingZerosReadsNumbersInTextAndRefusesStructures() {
        assertThat(FhirJson.decimal(ALL, "n")).isEqualTo(new BigDecimal("1.50"));
        assertThat(FhirJson.decimal(ALL, "numText")).isEqualTo(new BigDecimal("2.50"));
        assertThat(FhirJson.decimal(ALL, "badText")).isNull();
        assertThat(FhirJson.decimal(ALL, "b")).isNull();
        assertThat(FhirJson.decimal(ALL, "nul")).isNull();
        assertThat(FhirJson.decimal(ALL, "missing")).isNull();
        assertThatThrownBy(() -> FhirJson.decimal(ALL, "longText")).isInstanceOf(FhirJson.Unbounded.class);
        assertThatThrownBy(() -> FhirJson.decimal(ALL, "o")).isInstanceOf(FhirJson.Malformed.class);
        assertThatThrownBy(() -> FhirJson.decimal(json("{\"d\": 1E+21}"), "d")).isInstanceOf(FhirJson.Unbounded.class);
    }

    @Test
    void hasIsHapisNotEmpty() {
        assertThat(FhirJson.has(ALL, "s")).isTrue();
        assertThat(FhirJson.has(ALL, "n")).isTrue();
        assertThat(FhirJson.has(ALL, "b")).isTrue();
        assertThat(FhirJson.has(ALL, "o")).isTrue();
        assertThat(FhirJson.has(ALL, "a")).isTrue();
        assertThat(FhirJson.has(ALL, "blank")).isFalse();
        assertThat(FhirJson.has(ALL, "emptyO")).isFalse();
        assertThat(FhirJson.has(ALL, "nul")).isFalse();
        assertThat(FhirJson.has(ALL, "missing")).isFalse();
        assertThat(FhirJson.has(json("{\"a\": [null, {\"x\": \"\"}]}"), "a")).isFalse();
    }
}
