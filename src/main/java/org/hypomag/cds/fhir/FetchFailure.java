package org.hypomag.cds.fhir;

/** A query that failed, with a short reason free of identifiers and tokens ("FHIR server answered 500"). */
final class FetchFailure extends RuntimeException {

    private final int status;

    FetchFailure(String reason) {
        this(reason, 0);
    }

    /** @param status the HTTP status the server answered, 0 when the failure is not an HTTP status */
    FetchFailure(String reason, int status) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** The HTTP status of the first FetchFailure in the cause chain, else 0. */
    static int statusOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FetchFailure f) {
                return f.status;
            }
        }
        return 0;
    }

    /** The reason of the first FetchFailure in the cause chain, or a generic text for the transport error. */
    static String reasonOf(Throwable t, String timedOut) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FetchFailure f) {
                return f.getMessage();
            }
            if (c instanceof java.net.http.HttpTimeoutException || c instanceof java.util.concurrent.TimeoutException) {
                return timedOut;
            }
            if (c instanceof java.util.concurrent.CancellationException) {
                return "query cancelled at the deadline";
            }
            if (c instanceof java.net.ConnectException) {
                return "could not connect to the FHIR server";
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException) {
                return "connection to the FHIR server failed";
            }
        }
        return "query failed";
    }
}
