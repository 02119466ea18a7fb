package org.hypomag.cds.fhir;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Patient;
import org.hypomag.cds.clinical.DataKey;

/**
 * Reads one prefetch value or one fetched page with HAPI's parser and says what it is: resources (with the
 * Medications set apart and the next link), empty, an error outcome, the wrong type, or not FHIR JSON.
 * Outcome entries ({@code search.mode=outcome}, Epic's "no results") are dropped unless they are errors.
 */
final class PageReader {

    enum Kind { RESOURCES, EMPTY, ERROR_OUTCOME, WRONG_TYPE, INVALID }

    record Page(Kind kind, List<IBaseResource> resources, List<IBaseResource> medications, String next,
                String detail) {
        static Page of(Kind kind, String detail) {
            return new Page(kind, List.of(), List.of(), null, detail);
        }
    }

    private final FhirContext fhirContext;

    PageReader(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    Page read(DataKey key, byte[] json) {
        return read(key, new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8));
    }

    Page read(DataKey key, String json) {
        return read(key, new java.io.StringReader(json));
    }

    private Page read(DataKey key, Reader json) {
        IBaseResource resource;
        try {
            resource = parser().parseResource(json);
        } catch (RuntimeException e) { // DataFormatException, Jackson's nesting/size limits, anything hostile
            return Page.of(Kind.INVALID, "not valid FHIR JSON");
        }
        if (resource instanceof OperationOutcome oo) {
            return isError(oo) ? Page.of(Kind.ERROR_OUTCOME, "an error OperationOutcome")
                    : Page.of(Kind.EMPTY, null);
        }
        if (resource instanceof Patient && key == DataKey.PATIENT) {
            return new Page(Kind.RESOURCES, List.of(resource), List.of(), null, null);
        }
        if (!(resource instanceof Bundle bundle)) {
            String expected = key == DataKey.PATIENT ? "a Patient" : "a Bundle";
            return Page.of(Kind.WRONG_TYPE, "a " + resource.fhirType() + " where " + expected + " was expected");
        }
        return entries(bundle);
    }

    private static Page entries(Bundle bundle) {
        List<IBaseResource> resources = new ArrayList<>();
        List<IBaseResource> medications = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            IBaseResource r = e.getResource();
            boolean outcomeEntry = e.hasSearch() && e.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME;
            if (r instanceof OperationOutcome oo) {
                if (isError(oo)) {
                    return Page.of(Kind.ERROR_OUTCOME, "an error OperationOutcome entry");
                }
            } else if (r == null || outcomeEntry) {
                continue;
            } else if (r instanceof Medication) {
                medications.add(r);
            } else {
                resources.add(r);
            }
        }
        Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
        String nextUrl = next == null || !next.hasUrl() ? null : next.getUrl();
        Kind kind = resources.isEmpty() && medications.isEmpty() && nextUrl == null ? Kind.EMPTY : Kind.RESOURCES;
        return new Page(kind, resources, medications, nextUrl, null);
    }

    static boolean isError(OperationOutcome oo) {
        return oo.getIssue().stream().anyMatch(i -> i.getSeverity() == IssueSeverity.ERROR
                || i.getSeverity() == IssueSeverity.FATAL);
    }

    private IParser parser() {
        return StructuralErrorHandler.jsonParser(fhirContext);
    }
}
