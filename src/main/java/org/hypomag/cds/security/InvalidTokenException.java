package org.hypomag.cds.security;

/**
 * A JWT failed a check. The message is a fixed reason for the server log (never the token, never a claim
 * value); the client only ever sees a generic 401.
 */
class InvalidTokenException extends Exception {

    InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
