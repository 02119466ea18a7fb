package org.hypomag.cds.fhir;

import org.hypomag.cds.clinical.DataKey;

/**
 * Told, on the caller's thread, how each prefetch key of a hook call was settled: from the prefetch, by a query
 * to fhirServer, or not at all (no usable fhirServer). For metrics and the per-call log; an observer must not
 * throw and must not keep anything that identifies the patient.
 */
public interface FetchObserver {

    /** How a key was settled. */
    enum Source {
        /** the EHR's prefetch settled it (a resource, a Bundle without next link, null, an empty result) */
        PREFETCH,
        /** a query to fhirServer was made or attempted (a missing key, an error outcome, a prefetch's next page) */
        FETCHED,
        /** it needed a query, but no usable fhirServer was given */
        UNAVAILABLE
    }

    void observed(DataKey key, Source source, KeyResult result);
}
