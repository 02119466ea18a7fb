package org.hypomag.cds.resilience;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Prefetch values of the wrong kind: wrong resource types, Observations with garbage values, OperationOutcomes. */
final class FhirGarbage {

    private FhirGarbage() {
    }

    static Arbitrary<ObjectNode> garbageObservation() {
        Arbitrary<JsonNode> value = HostileGenerators.leaf();
        Arbitrary<String> text = HostileGenerators.hostileString();
        Arbitrary<String> code = Arbitraries.of("19123-9", "2601-3", "2823-3", "2160-0", "98979-8", "29463-7", "0000-0");
        Arbitrary<String> status = Arbitraries.of("final", "amended", "preliminary", "entered-in-error", "cancelled",
                "FINAL", "", "unknown");
        return Combinators.combine(value, text, code, status, text, Arbitraries.integers().between(0, 6))
                .as((v, unit, loinc, st, when, shape) -> {
                    ObjectNode o = HookRequests.magnesium("g" + Math.abs(unit.hashCode()), "p1", "0.5", "mg/dL",
                            "2026-11-20T08:00:00Z");
                    o.put("status", st);
                    ((ObjectNode) o.at("/code/coding/0")).put("code", loinc);
                    switch (shape) {
                        case 0 -> ((ObjectNode) o.get("valueQuantity")).set("value", v);
                        case 1 -> ((ObjectNode) o.get("valueQuantity")).put("unit", unit).put("code", unit);
                        case 2 -> o.put("effectiveDateTime", when);
                        case 3 -> {
                            o.remove("valueQuantity");
                            o.put("valueString", unit);
                        }
                        case 4 -> ((ObjectNode) o.get("valueQuantity")).put("comparator", unit);
                        case 5 -> o.putArray("referenceRange").addObject().putObject("low").set("value", v);
                        default -> o.set("dataAbsentReason", v);
                    }
                    return o;
                });
    }

    /** Anything an EHR (or an attacker) could put under a prefetch key instead of the expected Bundle. */
    static Arbitrary<JsonNode> wrongPrefetchValue() {
        Arbitrary<JsonNode> garbageBundle = garbageObservation().list().ofMinSize(1).ofMaxSize(30)
                .map(list -> (JsonNode) HookRequests.bundle(list));
        return Arbitraries.frequencyOf(
                Tuple.of(4, garbageBundle),
                Tuple.of(2, Arbitraries.just(HookRequests.patient("p1", "1960-01-01", "female"))),
                Tuple.of(1, Arbitraries.of("1960-02-30", "tomorrow", "", "20260101")
                        .map(d -> (JsonNode) HookRequests.patient("p1", d, "x"))),
                Tuple.of(2, Arbitraries.of("error", "fatal", "information", "warning", "bogus")
                        .map(s -> (JsonNode) HookRequests.operationOutcome(s, "not-found"))),
                Tuple.of(1, Arbitraries.just(HookRequests.bundle(List.of(HookRequests.operationOutcome("error",
                        "exception"))))),
                Tuple.of(1, Arbitraries.just(HookRequests.bundle(List.of(HookRequests.patient("p2", "1970-01-01",
                        "male"), HookRequests.draftMedicationRequest("m", "0", "x"))))),
                Tuple.of(1, garbageObservation().map(o -> (JsonNode) o)),
                Tuple.of(1, Arbitraries.of(
                        "{\"resourceType\":\"Bundle\",\"entry\":null}",
                        "{\"resourceType\":\"Bundle\",\"entry\":[null,{},{\"resource\":null},{\"resource\":{}}]}",
                        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Foo\"}}]}",
                        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\","
                                + "\"url\":\"http://127.0.0.1:1/fhir/Observation?page=2\"}],\"entry\":[]}",
                        "{\"resourceType\":\"Bundle\",\"link\":[{\"relation\":\"next\",\"url\":\"not a url\"}]}",
                        "{\"resourceType\":\"Bundle\",\"link\":\"next\"}",
                        "{\"resourceType\":7}", "{\"resourceType\":\"Observation\",\"valueQuantity\":[]}",
                        "{\"resourceType\":\"MedicationStatement\",\"medicationReference\":{\"reference\":\"#missing\"}}",
                        "{\"resourceType\":\"Binary\",\"data\":\"AAAA\"}", "{}", "[]", "[{\"resourceType\":\"Patient\"}]",
                        "\"Patient\"", "0", "true")
                        .map(HookRequests.JSON::readTree)),
                Tuple.of(1, HostileGenerators.value(3)));
    }
}
