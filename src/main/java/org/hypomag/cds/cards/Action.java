package org.hypomag.cds.cards;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One change a suggestion makes. {@code resource} is the FHIR resource as JSON text (written as HAPI's
 * parser writes it; written raw, so FHIR is never bound with Jackson); {@code resourceId} is a relative reference
 * ("MedicationRequest/abc") for deletes. {@code facts} (not part of the JSON) are what the card ledger fingerprints
 * of the resource, given by the writer of a suggested order; null otherwise (the ledger then reads the text).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(ActionType type, String description, @JsonRawValue String resource, String resourceId,
                     @JsonIgnore OrderFacts facts) {

    public Action(ActionType type, String description, String resource, String resourceId) {
        this(type, description, resource, resourceId, null);
    }

    public Action {
        if (type == null) {
            throw new IllegalArgumentException("action.type is required");
        }
        Coding.requireText(description, "action.description");
        if ((type == ActionType.CREATE || type == ActionType.UPDATE) && (resource == null || resource.isBlank())) {
            throw new IllegalArgumentException(type.wire() + " needs a resource");
        }
    }
}
