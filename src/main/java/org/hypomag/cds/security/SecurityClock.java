package org.hypomag.cds.security;

import java.time.Clock;

/**
 * The clock of the security checks (JWT exp, iat, nbf; replay expiry): always the real one (issue 19.17).
 * The clinical clock ({@code cds.clock.fixed}) may be pinned to replay dated samples; this one never is. A
 * test may provide its own as a bean of this type.
 */
public record SecurityClock(Clock clock) {

    public SecurityClock {
        if (clock == null) {
            throw new IllegalArgumentException("a clock is required");
        }
    }

    /** The real UTC clock. */
    public static SecurityClock system() {
        return new SecurityClock(Clock.systemUTC());
    }
}
