package org.hypomag.cds.cdshooks;

import java.util.List;
import java.util.Map;

import org.hypomag.cds.fhir.FetchRequest;
import tools.jackson.databind.JsonNode;

/**
 * One hook call after validation: everything the runner and a service need from the request, read once by
 * {@link HookRequestValidator}. Its {@code toString} prints no identifier, token or patient data.
 *
 * @param serviceId    the called service
 * @param hook         the hook name
 * @param hookInstance the hook instance uuid (order-sign de-duplication keys on it)
 * @param patientId    context.patientId
 * @param encounterId  context.encounterId or null
 * @param userId       context.userId or null
 * @param selections   context.selections ("MedicationRequest/123"); empty when the hook sends none
 * @param draftOrders  context.draftOrders as received, or null
 * @param fetch        the prefetch by data key, fhirServer, the access token and the prefetch token values
 */
record HookCall(String serviceId, String hook, String hookInstance, String patientId, String encounterId,
                       String userId, List<String> selections, JsonNode draftOrders, FetchRequest fetch) {

    public HookCall {
        selections = selections == null ? List.of() : List.copyOf(selections);
        fetch = fetch != null ? fetch
                : new FetchRequest(null, null, FetchRequest.tokens(patientId, encounterId, userId), Map.of());
    }

    /** A call with no selections, drafts, prefetch or fhirServer (the ledger's and de-duplicator's view). */
    HookCall(String serviceId, String hook, String hookInstance, String patientId, String encounterId,
                    String userId) {
        this(serviceId, hook, hookInstance, patientId, encounterId, userId, List.of(), null, null);
    }

    @Override
    public String toString() {
        return "HookCall[serviceId=" + serviceId + ", hook=" + hook + ", selections=" + selections.size()
                + ", draftOrders=" + (draftOrders != null) + ", fetch=" + fetch + "]";
    }
}
