package org.hypomag.cds.cdshooks;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.hypomag.cds.fhir.OperationOutcome;

/**
 * Tomcat's own error page (requests it refuses before Spring sees them, such as {@code %00} or an encoded
 * slash in the path) as an OperationOutcome instead of HTML, so every non-2xx of this service has the same
 * shape. Public only because Tomcat creates it by class name.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String type = switch (status) {
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 413 -> "too-long";
            default -> status >= 500 ? "exception" : "invalid";
        };
        String body = OperationOutcome.error(type, "CDS-" + status + "-HTTP",
                "The HTTP request was refused (status " + status + ")").json();
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed: nothing more to say
        }
    }
}
