package org.hypomag.cds.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Issued cards and their feedback, shared by every instance. Implementations never throw on a database fault:
 * writes are kept for later (bounded), reads find nothing (so order-sign shows a card again: the safe side).
 */
public interface CardStore {

    /** Records the cards of one hook call: one write, whatever the number of cards. */
    void recordIssued(List<IssuedCard> cards);

    /** The cards issued in a scope (clear scope string, as in {@link IssuedCard#scope}) since {@code since}. */
    List<LedgerEntry> issuedIn(String scope, Instant since);

    /** An issued card by uuid, if issued since {@code since}. */
    Optional<LedgerEntry> find(String cardUuid, Instant since);

    /** Stores one outcome once (the same outcome re-sent is kept once); {@code issued} is its card if known. */
    void saveFeedback(FeedbackOutcome outcome, LedgerEntry issued);

    /** Every stored outcome for these cards, oldest first. */
    List<FeedbackOutcome> feedbackFor(Collection<String> cardUuids);

    /** How many outcomes are stored. */
    long feedbackCount();
}
