package org.hypomag.cds.fhir;

import java.util.List;


/** What is known for one prefetch key after resolution. */
public sealed interface KeyResult {

    /**
     * Resources for the key (Patient, or a search's entries without outcome entries and without the
     * included Medications, which are in {@link PatientData#medications()}).
     *
     * @param incomplete null, or why not every page was read (page bound, page loop, deadline while paging,
     *                   a next link to another server, a later page that failed); the first pages are kept
     */
    record Present(List<FhirResource> resources, String incomplete) implements KeyResult {
        public Present {
            resources = List.copyOf(resources);
        }
    }

    /** The EHR or the server said there is nothing (JSON null, an empty Bundle, an information outcome). */
    record Empty() implements KeyResult {
    }

    /**
     * The data could not be had; {@code reason} is short, names the key, and holds no identifier or token. For a
     * failed fetch the reason is generic ("magnesium: the FHIR server gave no usable answer", issue 12.6: a
     * card must not tell "could not connect" from "answered 404"); {@code detail} keeps what happened
     * ("magnesium: FHIR server answered 500") for the log and the tests.
     */
    record Unknown(String reason, String detail) implements KeyResult {

        public Unknown(String reason) {
            this(reason, reason);
        }
    }
}
