package org.hypomag.cds.cdshooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of the discovery response (CDS Hooks 2.0.1 §Discovery). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"hook", "id", "title", "description", "prefetch", "usageRequirements", "extension"})
record ServiceDescriptor(
        String hook,
        String id,
        String title,
        String description,
        Map<String, String> prefetch,
        String usageRequirements,
        Map<String, Object> extension) {

    public ServiceDescriptor {
        requireText(hook, "service.hook");
        requireText(id, "service.id");
        requireText(description, "service.description");
        prefetch = prefetch == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
        extension = extension == null ? Map.of() : Map.copyOf(extension);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
