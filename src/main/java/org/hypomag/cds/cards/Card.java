package org.hypomag.cds.cards;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hypomag.cds.clinical.IndicatorLevel;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A CDS Hooks card. The compact constructor enforces the spec's invariants: summary present and under 140
 * characters, suggestions imply a selectionBehavior, at most one recommended suggestion with at-most-one,
 * override reasons carry a display.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
        String uuid,
        String summary,
        String detail,
        @JsonSerialize(using = IndicatorJson.class) IndicatorLevel indicator,
        Source source,
        List<Suggestion> suggestions,
        SelectionBehavior selectionBehavior,
        List<Coding> overrideReasons,
        List<Link> links,
        Map<String, Object> extension) {

    public static final int MAX_SUMMARY = 139;

    /**
     * CDS Hooks card extension key carrying the rule ids behind a card (hypomagnesemia.md D, §5.3): machine
     * readable, so the clinician-read text needs none (issue 19 writing).
     */
    public static final String RULES_EXTENSION = "org.hypomag.rules";

    /** A card without extension. */
    public Card(String uuid, String summary, String detail, IndicatorLevel indicator, Source source,
                List<Suggestion> suggestions, SelectionBehavior selectionBehavior, List<Coding> overrideReasons,
                List<Link> links) {
        this(uuid, summary, detail, indicator, source, suggestions, selectionBehavior, overrideReasons, links, null);
    }

    public Card {
        Coding.requireText(uuid, "card.uuid");
        Coding.requireText(summary, "card.summary");
        if (summary.length() > MAX_SUMMARY) {
            throw new IllegalArgumentException("card.summary is " + summary.length() + " chars; must be < 140");
        }
        if (indicator == null || source == null) {
            throw new IllegalArgumentException("card.indicator and card.source are required");
        }
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
        links = links == null ? List.of() : List.copyOf(links);
        extension = extension == null ? Map.of() : Map.copyOf(extension);
        if (!suggestions.isEmpty() && selectionBehavior == null) {
            throw new IllegalArgumentException("card with suggestions needs a selectionBehavior");
        }
        if (selectionBehavior == SelectionBehavior.AT_MOST_ONE
                && suggestions.stream().filter(s -> Boolean.TRUE.equals(s.isRecommended())).count() > 1) {
            throw new IllegalArgumentException("at-most-one allows one recommended suggestion at most");
        }
        for (Coding reason : overrideReasons) {
            Coding.requireText(reason.display(), "overrideReason.display");
        }
    }
}
