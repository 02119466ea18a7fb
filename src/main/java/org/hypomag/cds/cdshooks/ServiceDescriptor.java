package org.hypomag.cds.cdshooks;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.hypomag.cds.clinical.DataKey;

/**
 * One entry of the discovery response (CDS Hooks 2.0.1 §Discovery), and what the runner needs of the same
 * service besides (not published): its prefetch templates by data key, and whether every draft order counts
 * as selected.
 *
 * @param templates         the templates of {@code prefetch} by data key
 * @param allDraftsSelected true when the hook sends no {@code selections} (order-sign signs every draft;
 *                          patient-view sends none); false on order-select, where only the selected drafts are
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"hook", "id", "title", "description", "prefetch", "usageRequirements", "extension"})
record ServiceDescriptor(
        String hook,
        String id,
        String title,
        String description,
        Map<String, String> prefetch,
        String usageRequirements,
        Map<String, Object> extension,
        @JsonIgnore Map<DataKey, String> templates,
        @JsonIgnore boolean allDraftsSelected) {

    public ServiceDescriptor {
        requireText(hook, "service.hook");
        requireText(id, "service.id");
        requireText(description, "service.description");
        prefetch = prefetch == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
        extension = extension == null ? Map.of() : Map.copyOf(extension);
        templates = templates == null ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(templates));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
