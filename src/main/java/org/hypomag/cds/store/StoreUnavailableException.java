package org.hypomag.cds.store;

/** The database did not answer (down, slow, or skipped for a moment after a failure): the caller falls back. */
public final class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
