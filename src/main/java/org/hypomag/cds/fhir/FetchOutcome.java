package org.hypomag.cds.fhir;

import java.util.Locale;

/**
 * The result of a FHIR query in four words, for a metric label: {@code ok} (resources or an empty answer, also
 * when not every page could be read), {@code timeout} (no answer within the query timeout or the call's
 * deadline), {@code unusable} (an answer that was not FHIR JSON, the wrong resource type, too large, or lab
 * results in an order the rules cannot trust), {@code error} (an HTTP error, an error outcome, no connection,
 * a query that could not be sent). Read from the fixed reasons {@link KeyFetch} and {@link FetchSession} give.
 */
public enum FetchOutcome {
    OK, TIMEOUT, UNUSABLE, ERROR;

    /** The lowercase label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FetchOutcome of(KeyResult result) {
        if (!(result instanceof KeyResult.Unknown unknown)) {
            return OK;
        }
        String d = unknown.detail() == null ? "" : unknown.detail();
        if (d.contains("deadline") || d.contains("did not answer within")) {
            return TIMEOUT;
        }
        if (d.contains("not valid FHIR JSON") || d.contains("FHIR server returned ") || d.contains("HTML or XML")
                || d.contains("exceeded") || d.contains("newest first")) {
            return UNUSABLE;
        }
        return ERROR;
    }
}
