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
 * HAPI's R4 instance validator without a terminology server. LOINC, SNOMED CT and RxNorm cannot be checked
 * here, so messages about unknown code systems or value sets that cannot be expanded are not failures; every
 * other ERROR or FATAL is.
 */
final class SampleValidator {

    /** Terminology this machine cannot check: unknown systems, value sets it cannot expand. */
    private static final Pattern UNCHECKABLE_TERMINOLOGY = Pattern.compile(
            "(?i)(unknown code ?system|code ?system is unknown|codesystem.*(unknown|not found|could not be found)"
                    + "|unable to expand|value ?set.*(expan|not found|could not be found)|UNKNOWN_CODESYSTEM"
                    + "|not (be )?validated.*code ?system)");

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
            if (!serious) {
                notes.add(f);
            } else if (UNCHECKABLE_TERMINOLOGY.matcher(m.getMessage()).find()) {
                ignored.add(f);
            } else {
                failures.add(f);
            }
        }
        return new Outcome(List.copyOf(failures), List.copyOf(ignored), List.copyOf(notes));
    }
}
