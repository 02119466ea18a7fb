package org.hypomag.cds.clinical;

import java.time.Instant;

/** The entry point of the clinical rules: pure, stateless; the clock is an argument. */
public final class Assessor {

    private Assessor() {
    }

    public static Assessment assess(PatientSnapshot snapshot, Knowledge knowledge, Instant now) {
        throw new UnsupportedOperationException("being implemented");
    }
}
