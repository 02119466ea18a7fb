package org.hypomag.cds.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cds.store.ledger-batch.*}: the write-behind of issued cards ({@link WriteBehindCardStore}). A record of
 * its own so that {@link StoreProperties} keeps its constructor.
 *
 * @param enabled  write issued cards behind the request, in batches (false: each call writes its own row set)
 * @param rows     a batch is written once this many cards wait (1 to 1,000)
 * @param interval or once the first waiting card has waited this long (1 ms to 1 s)
 * @param queue    hook calls that may wait (1 to 100,000); when full, the calling thread writes what waits and
 *                 its own cards itself (nothing is dropped)
 */
@ConfigurationProperties("cds.store.ledger-batch")
public record LedgerBatchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("64") int rows,
                                    @DefaultValue("15ms") Duration interval, @DefaultValue("4096") int queue) {

    public LedgerBatchProperties {
        if (rows < 1 || rows > 1_000) {
            throw new IllegalArgumentException("cds.store.ledger-batch.rows must be between 1 and 1000");
        }
        if (interval.compareTo(Duration.ofMillis(1)) < 0 || interval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("cds.store.ledger-batch.interval must be between 1ms and 1s");
        }
        if (queue < 1 || queue > 100_000) {
            throw new IllegalArgumentException("cds.store.ledger-batch.queue must be between 1 and 100000");
        }
    }
}
