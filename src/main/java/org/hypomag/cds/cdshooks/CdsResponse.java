package org.hypomag.cds.cdshooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hypomag.cds.cards.Action;
import org.hypomag.cds.cards.Card;

/** The hook response: {@code {"cards":[]}} is the "no guidance" answer, so cards is always written. */
record CdsResponse(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Card> cards,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Action> systemActions) {

    public CdsResponse {
        cards = cards == null ? List.of() : List.copyOf(cards);
        systemActions = systemActions == null ? List.of() : List.copyOf(systemActions);
    }

    public static CdsResponse of(List<Card> cards) {
        return new CdsResponse(cards, List.of());
    }
}
