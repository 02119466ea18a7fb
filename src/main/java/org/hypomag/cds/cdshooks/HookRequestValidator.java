package org.hypomag.cds.cdshooks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.fhir.FetchRequest;
import org.hypomag.cds.fhir.FhirUrls;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks a hook call against the spec and the called service before anything is fetched, and reads it once
 * into a {@link HookCall} (context, prefetch by {@link DataKey}, fhirServer and token). Each failure is a 400
 * with a stable code; messages never echo request content. Whether fhirServer may be contacted is the
 * security policy's question, asked by the runner.
 */
@Component
class HookRequestValidator {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");
    private static final int MAX_INSTANCE = 128;

    HookCall validate(CdsService service, CdsRequest request) {
        if (request == null) {
            throw CdsProblem.invalid("CDS-400-BODY", "The request body is empty");
        }
        String hook = request.hook();
        if (hook == null || hook.isBlank()) {
            throw CdsProblem.invalid("CDS-400-HOOK", "'hook' is required");
        }
        if (!hook.equals(service.descriptor().hook())) {
            throw CdsProblem.invalid("CDS-400-HOOK-MISMATCH", "This service answers the '"
                    + service.descriptor().hook() + "' hook only");
        }
        String instance = request.hookInstance();
        if (instance == null || instance.isBlank() || instance.length() > MAX_INSTANCE) {
            throw CdsProblem.invalid("CDS-400-HOOK-INSTANCE", "'hookInstance' is required (a UUID)");
        }
        JsonNode context = request.context();
        if (context == null || !context.isObject()) {
            throw CdsProblem.invalid("CDS-400-CONTEXT", "'context' is required and must be an object");
        }
        String patientId = text(context, "patientId");
        if (!isFhirId(patientId)) {
            throw CdsProblem.invalid("CDS-400-PATIENT", "'context.patientId' is required and must be a FHIR id");
        }
        String encounterId = text(context, "encounterId");
        if (encounterId != null && !isFhirId(encounterId)) {
            throw CdsProblem.invalid("CDS-400-ENCOUNTER", "'context.encounterId' must be a FHIR id");
        }
        String userId = text(context, "userId");
        for (String field : service.requiredContext()) {
            checkContextField(context, field);
        }
        checkFhirServer(request);
        Map<DataKey, Optional<JsonNode>> prefetch = prefetch(request.prefetch());
        String token = request.fhirAuthorization() == null ? null : request.fhirAuthorization().accessToken();
        FetchRequest fetch = new FetchRequest(request.fhirServer(), token,
                FetchRequest.tokens(patientId, encounterId, userId), prefetch);
        return new HookCall(service.id(), hook, instance, patientId, encounterId, userId,
                strings(context.get("selections")), context.get("draftOrders"), fetch);
    }

    /** The prefetch object by data key: a JSON null is {@code Optional.empty()}, names not ours are left out. */
    private static Map<DataKey, Optional<JsonNode>> prefetch(JsonNode given) {
        Map<DataKey, Optional<JsonNode>> prefetch = new EnumMap<>(DataKey.class);
        if (given == null || given.isNull()) {
            return prefetch;
        }
        if (!given.isObject()) {
            throw CdsProblem.invalid("CDS-400-PREFETCH", "'prefetch' must be an object");
        }
        for (Map.Entry<String, JsonNode> e : given.properties()) {
            JsonNode value = e.getValue();
            DataKey.ofPrefetchKey(e.getKey()).ifPresent(key -> prefetch.put(key,
                    value == null || value.isNull() ? Optional.empty() : Optional.of(value)));
        }
        return prefetch;
    }

    /** context.selections as strings (checked above when the service requires them); empty when absent. */
    private static List<String> strings(JsonNode selections) {
        List<String> out = new ArrayList<>();
        if (selections != null && selections.isArray()) {
            selections.forEach(s -> out.add(s.asString()));
        }
        return out;
    }

    private static void checkContextField(JsonNode context, String field) {
        JsonNode value = context.get(field);
        switch (field) {
            case "patientId" -> { }
            case "selections" -> {
                if (value == null || !value.isArray()) {
                    throw CdsProblem.invalid("CDS-400-SELECTIONS", "'context.selections' must be an array");
                }
                for (JsonNode s : value) {
                    if (!s.isString() || !REFERENCE.matcher(s.asString()).matches()
                            || !isFhirId(s.asString().substring(s.asString().indexOf('/') + 1))) {
                        throw CdsProblem.invalid("CDS-400-SELECTIONS",
                                "'context.selections' entries must be references like MedicationRequest/123");
                    }
                }
            }
            case "draftOrders" -> {
                if (value == null || !value.isObject() || !"Bundle".equals(text(value, "resourceType"))) {
                    throw CdsProblem.invalid("CDS-400-DRAFT-ORDERS", "'context.draftOrders' must be a FHIR Bundle");
                }
            }
            default -> {
                if (value == null || value.isNull()) {
                    throw CdsProblem.invalid("CDS-400-CONTEXT", "'context." + field + "' is required");
                }
            }
        }
    }

    private static void checkFhirServer(CdsRequest request) {
        String server = request.fhirServer();
        if (request.fhirAuthorization() != null && (server == null || server.isBlank())) {
            throw CdsProblem.invalid("CDS-400-FHIR-SERVER", "'fhirServer' is required with 'fhirAuthorization'");
        }
        if (server != null && FhirUrls.parseHttp(server).isEmpty()) {
            throw CdsProblem.invalid("CDS-400-FHIR-SERVER", "'fhirServer' must be an http(s) base URL");
        }
        if (request.fhirAuthorization() != null) {
            String token = request.fhirAuthorization().accessToken();
            if (token == null || token.isBlank()) {
                throw CdsProblem.invalid("CDS-400-FHIR-AUTHORIZATION", "'fhirAuthorization.access_token' is required");
            }
        }
    }

    /** FHIR's id grammar {@code [A-Za-z0-9\-.]{1,64}}, and never the dot segments "." or ".." (issue 12.7). */
    static boolean isFhirId(String id) {
        return id != null && FHIR_ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }
}
