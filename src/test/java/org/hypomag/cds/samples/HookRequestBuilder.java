package org.hypomag.cds.samples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.hypomag.cds.samples.DraftOrders.MgSulfate;
import org.hypomag.cds.samples.DraftOrders.Oral;
import org.hypomag.cds.samples.HookExamples.Data;
import org.hypomag.cds.samples.HookExamples.Example;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds one CDS Hooks request body from an {@link Example} and its sample bundle. Deterministic. */
final class HookRequestBuilder {

    static final String DUMMY_TOKEN = "dummy-access-token-not-valid";
    private static final String SCOPES = "patient/Patient.read patient/Observation.read "
            + "patient/MedicationStatement.read patient/MedicationRequest.read patient/Condition.read";

    private final JsonMapper json;
    private final PrefetchBuilder prefetch;
    private final DraftOrders drafts;

    HookRequestBuilder(JsonMapper json) {
        this.json = json;
        this.prefetch = new PrefetchBuilder(json);
        this.drafts = new DraftOrders(json);
    }

    ObjectNode build(Example ex) {
        ObjectNode req = json.createObjectNode();
        req.put("hookInstance", UUID.nameUUIDFromBytes(ex.file().getBytes(StandardCharsets.UTF_8)).toString());
        req.put("hook", ex.hook());
        if (ex.data() == Data.FHIR_SERVER) {
            req.put("fhirServer", PrefetchBuilder.FHIR_BASE);
            req.putObject("fhirAuthorization").put("access_token", DUMMY_TOKEN).put("token_type", "Bearer")
                    .put("expires_in", 300).put("scope", SCOPES).put("subject", "hypomagnesemia-cds")
                    .put("patient", ex.patientId());
        }
        ObjectNode context = req.putObject("context");
        context.put("userId", "Practitioner/example");
        context.put("patientId", ex.patientId());
        context.put("encounterId", ex.patientId() + "-encounter");
        if (!ex.drafts().isEmpty()) {
            if (ex.hook().equals("order-select")) {
                ArrayNode selections = context.putArray("selections");
                ex.drafts().forEach(d -> selections.add("MedicationRequest/" + draftId(d)));
            }
            ArrayNode entries = context.putObject("draftOrders").put("resourceType", "Bundle").putArray("entry");
            ex.drafts().forEach(d -> entries.addObject().set("resource", draft(d, ex.patientId())));
        }
        if (ex.data() == Data.PREFETCH) {
            ObjectNode p = prefetch.prefetch(sample(ex.patientId()), ex.patientId());
            for (String key : ex.nullKeys()) {
                if (p.get(key).path("total").asInt(-1) != 0) {
                    throw new IllegalStateException(ex.file() + ": " + key + " has results; it cannot be null");
                }
                p.putNull(key);
            }
            req.set("prefetch", p);
        }
        return req;
    }

    private JsonNode sample(String patientId) {
        Path file = SampleFiles.bundles().stream().filter(f -> SampleFiles.patientIdOf(f).equals(patientId))
                .findFirst().orElseThrow(() -> new IllegalStateException("no sample for " + patientId));
        return json.readTree(SampleFiles.read(file));
    }

    private ObjectNode draft(Object d, String patientId) {
        return d instanceof MgSulfate m ? drafts.mgSulfate(m, patientId) : drafts.oral((Oral) d, patientId);
    }

    private static String draftId(Object d) {
        return d instanceof MgSulfate m ? m.id() : ((Oral) d).id();
    }
}
