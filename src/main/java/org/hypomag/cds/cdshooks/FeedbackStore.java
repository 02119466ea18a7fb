package org.hypomag.cds.cdshooks;

import java.util.List;

/** Where feedback goes. In memory today (bounded); a database-backed store can replace it. */
interface FeedbackStore {

    /** Stores one outcome; storing the same outcome twice keeps one (feedback may be re-sent). */
    void save(Feedback feedback);

    /** Every stored outcome for a card, oldest first. */
    List<Feedback> forCard(String cardUuid);

    /** How many outcomes are held. */
    long size();
}
