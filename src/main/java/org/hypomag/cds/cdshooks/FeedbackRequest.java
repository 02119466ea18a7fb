package org.hypomag.cds.cdshooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The feedback body {@code {"feedback":[...]}} (CDS Hooks 2.0.1 §Feedback). Epic's plural
 * {@code overrideReasons} key is read as {@code overrideReason}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedbackRequest(List<Item> feedback) {

    /** One outcome for one card. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(
            String card,
            String outcome,
            List<AcceptedSuggestion> acceptedSuggestions,
            @JsonAlias("overrideReasons") OverrideReason overrideReason,
            String outcomeTimestamp) {
    }

    /** {@code {"id": suggestion uuid}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AcceptedSuggestion(String id) {
    }

    /** Why a card was overridden: a coded reason and/or a comment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverrideReason(ReasonCoding reason, String userComment) {
    }

    /** The override reason coding; the sandbox sends it without display. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReasonCoding(String system, String code, String display) {
    }
}
