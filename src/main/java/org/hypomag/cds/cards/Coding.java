package org.hypomag.cds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The CDS Hooks Coding datatype: system and code required, display optional. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Coding(String system, String code, String display) {

    public Coding {
        requireText(system, "coding.system");
        requireText(code, "coding.code");
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
