package org.hypomag.cds.cards;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's R4 instance validator for suggested resources, built once per JVM (the first validation takes ~10 s).
 * Errors fail the test, except "unknown code system" (no terminology server: ATC, SNOMED CT cannot be
 * expanded offline).
 */
final class FhirValidation {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidator validator;

    private FhirValidation() {
    }

    static synchronized FhirValidator validator() {
        if (validator == null) {
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                    new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                    new SnapshotGeneratingValidationSupport(FHIR));
            FhirValidator v = FHIR.newValidator();
            v.registerValidatorModule(new FhirInstanceValidator(chain));
            validator = v;
        }
        return validator;
    }

    /** The ERROR and FATAL messages that matter (unknown code systems excepted). */
    static List<String> errors(String json) {
        return validator().validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(m -> !unknownCodeSystem(m))
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    private static boolean unknownCodeSystem(SingleValidationMessage m) {
        String text = m.getMessage();
        return text.contains("CodeSystem is unknown and can't be validated");
    }
}
