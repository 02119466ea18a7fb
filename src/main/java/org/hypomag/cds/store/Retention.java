package org.hypomag.cds.store;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Expiry done by the database, by one instance at a time: an instance takes the {@code store_lease} row
 * 'retention' with one conditional UPDATE (the row lock makes it atomic: of instances trying together exactly
 * one gets it), then deletes expired replay rows, clears the ledger columns of cards older than the ledger TTL
 * and deletes issued cards and feedback older than the retention.
 */
final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final StoreProperties properties;
    private final String instance;
    private final Clock clock;

    Retention(JdbcClient jdbc, StoreProperties properties, String instance, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.instance = instance;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${cds.store.retention-initial-delay:1m}",
            fixedDelayString = "${cds.store.retention-interval:10m}")
    void scheduled() {
        try {
            runIfLeaseTaken();
        } catch (DataAccessException e) {
            log.warn("Store retention skipped: the database did not answer ({})", e.getClass().getSimpleName());
        }
    }

    /** Runs the deletes when this instance takes the lease; true when it did. */
    boolean runIfLeaseTaken() {
        Instant now = clock.instant();
        int taken = jdbc.sql("UPDATE store_lease SET holder = ?, held_until = ? WHERE name = 'retention' "
                        + "AND held_until < ?")
                .params(instance, JdbcCardStore.ts(now.plus(properties.retentionInterval()).minusSeconds(1)),
                        JdbcCardStore.ts(now))
                .update();
        if (taken != 1) {
            return false;
        }
        int replays = jdbc.sql("DELETE FROM replay_jti WHERE expires_at < ?").params(JdbcCardStore.ts(now)).update();
        int ledger = jdbc.sql("UPDATE issued_card SET scope_key = NULL, fingerprint = NULL, orders = NULL "
                        + "WHERE issued_at < ? AND scope_key IS NOT NULL")
                .params(JdbcCardStore.ts(now.minus(properties.ledgerTtl()))).update();
        Instant oldest = now.minus(properties.feedbackRetention());
        int cards = jdbc.sql("DELETE FROM issued_card WHERE issued_at < ?").params(JdbcCardStore.ts(oldest)).update();
        int feedback = jdbc.sql("DELETE FROM feedback WHERE received_at < ?").params(JdbcCardStore.ts(oldest)).update();
        log.info("Store retention: {} expired jti, {} ledger entries expired, {} issued cards and {} feedback rows "
                + "past retention removed", replays, ledger, cards, feedback);
        return true;
    }
}
