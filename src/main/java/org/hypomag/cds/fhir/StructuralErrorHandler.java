package org.hypomag.cds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;

/**
 * Lenient where real servers are sloppy (unknown elements, vendor extensions, odd primitive values: kept
 * quiet, so nothing from the data reaches the log; a single object where an array belongs, as the sandbox sends
 * MedicationRequest.category, is read as an array of one), strict where the structure is wrong: an object or
 * array where a value belongs, or the reverse ({@code "entry":"x"}), fails the parse instead of silently reading
 * as "no entries" — missing data must become unknown, never empty.
 */
final class StructuralErrorHandler extends LenientErrorHandler {

    private StructuralErrorHandler() {
        super(false);
        setErrorOnInvalidValue(false);
    }

    static IParser jsonParser(FhirContext fhirContext) {
        return fhirContext.newJsonParser().setParserErrorHandler(new StructuralErrorHandler());
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String elementName,
                                  BaseJsonLikeValue.ValueType expectedValueType,
                                  BaseJsonLikeValue.ScalarType expectedScalarType,
                                  BaseJsonLikeValue.ValueType foundValueType,
                                  BaseJsonLikeValue.ScalarType foundScalarType) {
        boolean expectedScalar = expectedValueType == BaseJsonLikeValue.ValueType.SCALAR;
        boolean foundScalar = foundValueType == BaseJsonLikeValue.ValueType.SCALAR;
        if (expectedValueType != null && foundValueType != null && expectedScalar != foundScalar) {
            throw new DataFormatException("wrong JSON structure at " + elementName);
        }
    }
}
