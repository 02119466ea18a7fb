package org.hypomag.cds.store;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issued cards written behind the request (issue 16): a hook call's cards join a bounded queue and one writer
 * thread inserts many calls' cards in one statement, once {@code rows} cards wait or the first has waited
 * {@code interval}. Every other operation first {@link #flush() flushes} what waits (and waits for a batch being
 * written), so a read in this instance sees every card recorded before it, as without the queue. A full queue
 * makes the calling thread write what waits and its own cards itself; nothing is dropped. A batch that fails
 * goes the way of single writes ({@link SpooledCardStore#recordBatch}). {@link #close()} flushes.
 */
final class WriteBehindCardStore implements CardStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBehindCardStore.class);

    private final SpooledCardStore store;
    private final StoreMetrics metrics;
    private final int maxRows;
    private final long intervalNanos;
    private final int capacity;
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition ready = queueLock.newCondition();
    private final Deque<List<IssuedCard>> queue = new ArrayDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong writtenByCaller = new AtomicLong();
    private final Thread writer;
    private int rows;
    private volatile boolean closed;

    /** @param metrics times each batch (cds.store.duration, store ledger, operation batch); null: not timed */
    WriteBehindCardStore(SpooledCardStore store, LedgerBatchProperties properties, StoreMetrics metrics) {
        this(store, properties, metrics, true);
    }

    /** @param startWriter false: only flushes, reads and a full queue write (tests that count statements) */
    WriteBehindCardStore(SpooledCardStore store, LedgerBatchProperties properties, StoreMetrics metrics,
                         boolean startWriter) {
        this.store = store;
        this.metrics = metrics;
        this.maxRows = properties.rows();
        this.intervalNanos = properties.interval().toNanos();
        this.capacity = properties.queue();
        this.writer = new Thread(this::run, "cds-ledger-writer");
        writer.setDaemon(true);
        if (startWriter) {
            writer.start();
        }
    }

    @Override
    public void recordIssued(List<IssuedCard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        if (offer(List.copyOf(cards))) {
            return;
        }
        // full (or shutting down): this thread writes, after what waits
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
        if (waiting.get() == 0 && !writeLock.isLocked()) {
            return; // the queue is emptied only under writeLock: empty and unlocked means written
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
        queueLock.lock();
        try {
            closed = true; // under the lock: no call joins the queue after the flush below
            ready.signalAll();
        } finally {
            queueLock.unlock();
        }
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
        return waiting.get();
    }

    /** Batches written so far (by the writer or a flush). */
    long batches() {
        return batches.get();
    }

    /** Calls whose cards the calling thread wrote itself (queue full or closed). */
    long writtenByCaller() {
        return writtenByCaller.get();
    }

    private boolean offer(List<IssuedCard> cards) {
        queueLock.lock();
        try {
            if (closed || queue.size() >= capacity) {
                return false;
            }
            boolean first = queue.isEmpty();
            queue.addLast(cards);
            waiting.incrementAndGet();
            rows += cards.size();
            if (first || rows >= maxRows) {
                ready.signal();
            }
            return true;
        } finally {
            queueLock.unlock();
        }
    }

    /** Under writeLock: writes every waiting call, in order, in batches of about {@code maxRows} cards. */
    private void drain() {
        List<List<IssuedCard>> batch;
        while (!(batch = take()).isEmpty()) {
            List<List<IssuedCard>> calls = batch;
            try {
                if (metrics != null) {
                    metrics.timed("ledger", "batch", () -> store.recordBatch(calls));
                } else {
                    store.recordBatch(calls);
                }
                batches.incrementAndGet();
            } catch (RuntimeException e) {
                log.error("Issued cards not written ({}): {} calls lost", e.getClass().getSimpleName(), batch.size());
            }
        }
    }

    private List<List<IssuedCard>> take() {
        queueLock.lock();
        try {
            List<List<IssuedCard>> batch = new ArrayList<>();
            int taken = 0;
            while (!queue.isEmpty() && (batch.isEmpty() || taken + queue.peekFirst().size() <= maxRows)) {
                List<IssuedCard> call = queue.removeFirst();
                batch.add(call);
                taken += call.size();
            }
            rows -= taken;
            waiting.addAndGet(-batch.size());
            return batch;
        } finally {
            queueLock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            queueLock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    ready.await();
                }
                long left = intervalNanos;
                while (rows < maxRows && left > 0 && !closed) {
                    left = ready.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                queueLock.unlock();
            }
            flush();
        }
    }
}
