package org.hypomag.cds.security;

import java.time.Duration;

/** The issuer's replay bound is full: a new token cannot be remembered, so it is refused for now (503). */
final class ReplayCapacityException extends Exception {

    private final Duration retryAfter;

    ReplayCapacityException(Duration retryAfter) {
        super("replay memory of this issuer is full", null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
