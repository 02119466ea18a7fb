package org.hypomag.cds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One change a suggestion makes. {@code resource} is the FHIR resource as JSON text encoded by HAPI's
 * parser (written raw, so FHIR is never bound with Jackson); {@code resourceId} is a relative reference
 * ("MedicationRequest/abc") for deletes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(ActionType type, String description, @JsonRawValue String resource, String resourceId) {

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
