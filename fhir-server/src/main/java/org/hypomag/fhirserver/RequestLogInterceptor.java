package org.hypomag.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Prints {@code FHIR-REQUEST <method> <path>[?<query>]} for every request, so an integration test can prove a
 * client really queried this server. Synthetic test patients only; never put this in front of real data.
 */
@Interceptor
final class RequestLogInterceptor {

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean log(HttpServletRequest request) {
        String query = request.getQueryString();
        System.out.println("FHIR-REQUEST " + request.getMethod() + " " + request.getRequestURI()
                + (query == null ? "" : "?" + query));
        return true;
    }
}
