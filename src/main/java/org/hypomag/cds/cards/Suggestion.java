package org.hypomag.cds.cards;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A suggested change (CDS Hooks 2.0.1 §Suggestion): label, uuid for feedback, its actions. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {

    public Suggestion {
        Coding.requireText(label, "suggestion.label");
        Coding.requireText(uuid, "suggestion.uuid");
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
