package org.hypomag.cds.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issued cards written behind the request (issue 16): a hook call's cards join a bounded {@link CallQueue} and
 * one writer thread inserts many calls' cards in one statement, once {@code rows} cards wait or the first has
 * waited about {@code interval}. Every other operation first {@link #flush() flushes} what waits (and waits for a
 * batch being written), so a read in this instance sees every card recorded before it, as without the queue. A
 * full queue makes the calling thread write what waits and its own cards itself; nothing is dropped. A batch
 * that fails goes the way of single writes ({@link SpooledCardStore#recordBatch}). {@link #close()} flushes.
 */
final class WriteBehindCardStore implements CardStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBehindCardStore.class);

    private final SpooledCardStore store;
    private final StoreMetrics metrics;
    private final long intervalNanos;
    private final CallQueue queue;
    /** Held while calls are taken from the queue and written: a flush that got it has seen them written. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong writtenByCaller = new AtomicLong();
    private final Thread writer;

    /** @param metrics times each batch (cds.store.duration, store ledger, operation batch); null: not timed */
    WriteBehindCardStore(SpooledCardStore store, LedgerBatchProperties properties, StoreMetrics metrics) {
        this(store, properties, metrics, true);
    }

    /** @param startWriter false: only flushes, reads and a full queue write (tests that count statements) */
    WriteBehindCardStore(SpooledCardStore store, LedgerBatchProperties properties, StoreMetrics metrics,
                         boolean startWriter) {
        this.store = store;
        this.metrics = metrics;
        this.intervalNanos = properties.interval().toNanos();
        this.queue = new CallQueue(properties.queue(), properties.rows());
        this.writer = new Thread(this::run, "cds-ledger-writer");
        writer.setDaemon(true);
        if (startWriter) {
            writer.start();
        }
    }

    @Override
    public void recordIssued(List<IssuedCard> cards) {
        if (cards.isEmpty() || queue.offer(List.copyOf(cards))) {
            return;
        }
        // full (or shut down): this thread writes, after what waits
        writeLock.lock();
        try {
            drain();
            store.recordIssued(cards);
            writtenByCaller.incrementAndGet();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<LedgerEntry> issuedIn(String scope, Instant since) {
        flush();
        return store.issuedIn(scope, since);
    }

    @Override
    public Optional<LedgerEntry> find(String cardUuid, Instant since) {
        flush();
        return store.find(cardUuid, since);
    }

    @Override
    public void saveFeedback(FeedbackOutcome outcome, LedgerEntry issued) {
        flush();
        store.saveFeedback(outcome, issued);
    }

    @Override
    public List<FeedbackOutcome> feedbackFor(Collection<String> cardUuids) {
        flush();
        return store.feedbackFor(cardUuids);
    }

    @Override
    public long feedbackCount() {
        flush();
        return store.feedbackCount();
    }

    /**
     * Returns once every card recorded before the call is written (or, the database being away, spooled). When
     * nothing waits and no batch is being written it costs two reads.
     */
    void flush() {
        if (queue.waiting() == 0 && !writeLock.isLocked()) {
            return; // calls leave the queue only under writeLock: none waiting and unlocked means written
        }
        writeLock.lock();
        try {
            drain();
        } finally {
            writeLock.unlock();
        }
    }

    /** Stops the writer and writes what waits (Spring calls it at shutdown, before the DataSource closes). */
    @Override
    public void close() {
        queue.close(); // no call joins the queue after the flush below
        try {
            if (writer.isAlive()) {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    /** Calls waiting now. */
    int waiting() {
        return queue.waiting();
    }

    /** Batches written so far (by the writer or a flush). */
    long batches() {
        return batches.get();
    }

    /** Calls whose cards the calling thread wrote itself (queue full or closed). */
    long writtenByCaller() {
        return writtenByCaller.get();
    }

    /** Under writeLock: writes every waiting call, in order, in batches of about {@code rows} cards. */
    private void drain() {
        List<List<IssuedCard>> batch;
        while (!(batch = queue.take()).isEmpty()) {
            List<List<IssuedCard>> calls = batch;
            try {
                if (metrics != null) {
                    metrics.timed("ledger", "batch", () -> store.recordBatch(calls));
                } else {
                    store.recordBatch(calls);
                }
                batches.incrementAndGet();
            } catch (RuntimeException e) {
                log.error("Issued cards not written ({}): {} calls lost", e.getClass().getSimpleName(), calls.size());
            }
        }
    }

    private void run() {
        try {
            while (queue.awaitBatch(intervalNanos)) {
                flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
