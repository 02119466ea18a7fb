package org.hypomag.cds.clinical;

import java.time.Instant;

/**
 * Where a value came from: the FHIR reference ("Observation/123") and the clinically relevant time
 * (effective time for a result, authoredOn/effective start for a medication, onset or recorded date for
 * a condition). {@code time} may be null when the resource carried none.
 */
public record SourceRef(String reference, Instant time) {
}
