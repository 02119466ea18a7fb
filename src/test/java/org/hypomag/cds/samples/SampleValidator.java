package org.hypomag.cds.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's R4 instance validator without a terminology server. LOINC, SNOMED CT, RxNorm and ATC cannot be
 * checked here: "unknown code system" for those four, and value sets that cannot be expanded, are not
 * failures (they are reported as ignored). Every other ERROR or FATAL is a failure, and so is an
 * unknown-system message about any other system (a misspelt system URI), whatever its severity.
 */
final class SampleValidator {

    /** A message saying a code system is unknown to this validator (no terminology server here). */
    private static final Pattern UNKNOWN_SYSTEM = Pattern.compile("(?i)(code ?system is unknown|unknown code ?system"
            + "|UNKNOWN_CODESYSTEM|code ?system .*could not be found)");
    /** A value set this validator cannot expand (it includes an external code system). */
    private static final Pattern EXPANSION_FAILED = Pattern.compile(
            "(?i)(unable to expand|could not be expanded|expansion (failed|is not supported|too costly))");
    /**
     * The external terminologies the samples use. "Unknown" is expected for them and only for them: an
     * unknown-system message about any other system (a misspelt URI) fails the sample, even as a warning.
     */
    private static final List<String> EXTERNAL_SYSTEMS = List.of("http://loinc.org", "http://snomed.info/sct",
            "http://www.nlm.nih.gov/research/umls/rxnorm", "http://www.whocc.no/atc");

    record Finding(ResultSeverityEnum severity, String location, String message) {
        @Override
        public String toString() {
            return severity + " " + location + ": " + message;
        }
    }

    /** failures: ERROR/FATAL that fail; ignored: ERROR/FATAL about uncheckable terminology; notes: the rest. */
    record Outcome(List<Finding> failures, List<Finding> ignored, List<Finding> notes) {
    }

    private static SampleValidator shared;

    private final FhirContext ctx;
    private final FhirValidator validator;

    SampleValidator(FhirContext ctx) {
        this.ctx = ctx;
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx));
        this.validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /**
     * One validator per test JVM, warmed by its first use (the first validation takes about 10 s, later ones
     * under 100 ms: stack-notes.md), shared by the test classes of this package.
     */
    static synchronized SampleValidator shared() {
        if (shared == null) {
            shared = new SampleValidator(FhirContext.forR4Cached());
            shared.validate("{\"resourceType\":\"Patient\",\"gender\":\"female\"}");
        }
        return shared;
    }

    FhirContext context() {
        return ctx;
    }

    /** Validates one resource's JSON; parse errors surface as exceptions from HAPI's parser. */
    Outcome validate(String json) {
        List<SingleValidationMessage> messages = validator.validateWithResult(json).getMessages();
        List<Finding> failures = new ArrayList<>();
        List<Finding> ignored = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        for (SingleValidationMessage m : messages) {
            Finding f = new Finding(m.getSeverity(), m.getLocationString(), m.getMessage());
            boolean serious = m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL;
            boolean unknownSystem = UNKNOWN_SYSTEM.matcher(m.getMessage()).find();
            boolean external = EXTERNAL_SYSTEMS.stream().anyMatch(m.getMessage()::contains);
            if (unknownSystem && !external) {
                failures.add(f);
            } else if (!serious) {
                notes.add(f);
            } else if ((unknownSystem && external) || EXPANSION_FAILED.matcher(m.getMessage()).find()) {
                ignored.add(f);
            } else {
                failures.add(f);
            }
        }
        return new Outcome(List.copyOf(failures), List.copyOf(ignored), List.copyOf(notes));
    }
}
