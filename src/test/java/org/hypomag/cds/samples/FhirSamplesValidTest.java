package org.hypomag.cds.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample patient is a loadable, valid R4 transaction, and the README lists every one of them. */
class FhirSamplesValidTest {

    private static final Map<String, Integer> NOTE_KINDS = new ConcurrentSkipListMap<>();
    private static SampleValidator validator;

    @BeforeAll
    static void warmValidator() {
        long start = System.nanoTime();
        validator = SampleValidator.shared();
        System.out.printf("validator warm-up: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /** What the validator said below ERROR, by kind, printed once so a reader sees what was let through. */
    @AfterAll
    static void printWarningKinds() {
        NOTE_KINDS.forEach((kind, n) -> System.out.printf("%5d x %s%n", n, kind));
    }

    private static String kind(String message) {
        return message.replaceAll("'[^']*'", "'…'").replaceAll("urn:uuid:\\S+", "urn:uuid:…")
                .replaceAll("(Patient|Encounter)/[a-z0-9-]+", "$1/…").replaceAll("#[0-9-]+'", "#…'");
    }

    static Stream<Path> bundles() {
        return SampleFiles.bundles().stream();
    }

    @Test
    void atLeastFourteenSamplesExist() {
        assertThat(SampleFiles.bundles()).hasSizeGreaterThanOrEqualTo(14);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void sampleIsValidPerHapiR4Validator(Path file) {
        SampleValidator.Outcome outcome = validator.validate(SampleFiles.read(file));
        outcome.ignored().forEach(f -> System.out.println(file.getFileName() + " ignored (terminology): " + f));
        System.out.printf("%s: %d failures, %d ignored, %d warnings/information%n", file.getFileName(),
                outcome.failures().size(), outcome.ignored().size(), outcome.notes().size());
        outcome.notes().forEach(f -> NOTE_KINDS.merge(f.severity() + " " + kind(f.message()), 1, Integer::sum));
        assertThat(outcome.failures()).as("validation errors in %s", file).isEmpty();
    }

    @Test
    void validatorRejectsASampleWithACodeOutsideItsRequiredValueSet() {
        String broken = SampleFiles.read(SampleFiles.bundles().get(0))
                .replaceFirst("\"status\": \"final\"", "\"status\": \"done\"");
        assertThat(validator.validate(broken).failures()).extracting(SampleValidator.Finding::location)
                .anyMatch(location -> location.endsWith(".status"));
    }

    @Test
    void validatorRejectsASampleWithAMisspeltCodeSystem() {
        String broken = SampleFiles.read(SampleFiles.bundles().get(0))
                .replaceFirst("http://loinc.org", "http://loinc.og");
        assertThat(validator.validate(broken).failures()).extracting(SampleValidator.Finding::message)
                .anyMatch(message -> message.contains("http://loinc.og"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void sampleIsOnePatientTransactionWithStableIds(Path file) {
        IParser parser = validator.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle bundle = parser.parseResource(Bundle.class, SampleFiles.read(file));
        String patientId = SampleFiles.patientIdOf(file);

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        List<Patient> patients = bundle.getEntry().stream().map(BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).toList();
        assertThat(patients).as("exactly one Patient").hasSize(1);
        assertThat(patients.get(0).getIdPart()).isEqualTo(patientId);
        for (BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            String typeAndId = r.fhirType() + "/" + r.getIdPart();
            assertThat(e.getFullUrl()).as(typeAndId).startsWith("urn:uuid:");
            assertThat(e.getRequest().getMethod()).as(typeAndId).isEqualTo(Bundle.HTTPVerb.PUT);
            assertThat(e.getRequest().getUrl()).as(typeAndId).isEqualTo(typeAndId);
            assertThat(r.getIdPart()).as(typeAndId).startsWith(patientId);
        }
        List<String> subjects = bundle.getEntry().stream()
                .flatMap(e -> validator.context().newTerser()
                        .getAllPopulatedChildElementsOfType(e.getResource(), Reference.class).stream())
                .map(Reference::getReference).filter(ref -> ref != null && ref.startsWith("Patient/")).distinct()
                .toList();
        assertThat(subjects).containsExactly("Patient/" + patientId);
    }

    @Test
    void readmeTableListsEverySample() {
        String readme = SampleFiles.read(SampleFiles.SAMPLES.resolve("README.md"));
        for (Path file : SampleFiles.bundles()) {
            String row = "| `" + file.getFileName() + "` | `" + SampleFiles.patientIdOf(file) + "` |";
            assertThat(readme).as("README row for %s", file.getFileName()).contains(row);
        }
    }
}
