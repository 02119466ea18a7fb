package org.hypomag.cds.analytics;

import java.util.List;

/**
 * The answer of {@code /analytics/cards.json}. Per card type: issued = accepted + overridden + noFeedback, a card
 * counted once by its latest feedback (latest outcome time). Weeks are ISO weeks (YYYY-Www) of the issue time,
 * UTC; a card's outcome is counted in the week it was issued. No patient, encounter or user id or hash.
 */
record CardsReport(String from, String to, String knowledgeVersion, List<CardType> cardTypes, List<Week> weeks) {

    /** The figures of one card type (source.topic.code). acceptanceRate: accepted / issued, or null if none. */
    record CardType(String code, long issued, long accepted, long overridden, long noFeedback, Double acceptanceRate,
                    List<Reason> overrideReasons, List<RegimenCount> regimens) {
    }

    /** An override reason code (the feedback's coding code, without its system) and how often it was given. */
    record Reason(String code, long count) {
    }

    /** Which regimen the accepted suggestion was (recommended, alternative ...) and how often. */
    record RegimenCount(String regimen, long count) {
    }

    /** One ISO week's figures over all card types. */
    record Week(String week, long issued, long accepted, long overridden) {
    }
}
