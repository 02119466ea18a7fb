package org.hypomag.cds.cards;

import org.hl7.fhir.r4.model.IdType;

/**
 * The resource id and the references of a suggested resource, as HAPI's JSON parser writes them
 * ({@link OrderJson}). A plain FHIR id (the grammar {@code [A-Za-z0-9\-.]{1,64}}: every patient id the service
 * accepts) is written as is; anything else goes through HAPI's {@link IdType} as the parser does: the id
 * element is the id part (none for a "urn:" id), a version becomes meta.versionId, and a reference loses its
 * version (HAPI strips versions from references by default).
 */
final class FhirIds {

    private FhirIds() {
    }

    /** Opens a resource: resourceType, then id and meta.versionId when there is an id. */
    static OrderJson begin(String resourceType, String id) {
        OrderJson j = new OrderJson().object(null).string("resourceType", resourceType);
        if (id == null || id.isEmpty()) {
            return j;
        }
        if (plain(id)) {
            return j.string("id", id);
        }
        IdType parsed = new IdType(id);
        if (!id.startsWith("urn:")) { // HAPI writes no id for a urn
            j.string("id", parsed.getIdPart());
        }
        if (parsed.getVersionIdPart() != null && !parsed.getVersionIdPart().isBlank()) {
            j.object("meta").string("versionId", parsed.getVersionIdPart()).end();
        }
        return j;
    }

    /** The text of a reference to {@code type/id}. */
    static String reference(String type, String id) {
        String ref = type + "/" + id;
        if (plain(id)) {
            return ref;
        }
        IdType parsed = new IdType(ref);
        return parsed.getIdPart() == null || parsed.getIdPart().isBlank() ? ref : parsed.toVersionless().getValue();
    }

    private static boolean plain(String id) {
        if (id.isEmpty() || id.length() > 64 || id.equals(".") || id.equals("..")) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
