package org.hypomag.cds.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hook calls whose issued cards wait to be written ({@link WriteBehindCardStore}), in arrival order, bounded
 * in calls; counts the cards so the writer knows when a batch is full. Once closed it takes no call.
 */
final class CallQueue {

    private final int capacity;
    private final int batchRows;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final Deque<List<IssuedCard>> calls = new ArrayDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private int rows;
    private boolean closed;

    CallQueue(int capacity, int batchRows) {
        this.capacity = capacity;
        this.batchRows = batchRows;
    }

    /** False when full or closed: the caller must write the cards itself. */
    boolean offer(List<IssuedCard> cards) {
        lock.lock();
        try {
            if (closed || calls.size() >= capacity) {
                return false;
            }
            boolean first = calls.isEmpty();
            calls.addLast(cards);
            waiting.incrementAndGet();
            rows += cards.size();
            if (first || rows >= batchRows) {
                ready.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest calls, about {@code batchRows} cards (at least one call, however large); empty when none wait. */
    List<List<IssuedCard>> take() {
        lock.lock();
        try {
            List<List<IssuedCard>> batch = new ArrayList<>();
            int taken = 0;
            while (!calls.isEmpty() && (batch.isEmpty() || taken + calls.peekFirst().size() <= batchRows)) {
                List<IssuedCard> call = calls.removeFirst();
                batch.add(call);
                taken += call.size();
            }
            rows -= taken;
            waiting.addAndGet(-batch.size());
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a call waits, then until {@code batchRows} cards wait or {@code intervalNanos} have passed.
     *
     * @return false once closed
     */
    boolean awaitBatch(long intervalNanos) throws InterruptedException {
        lock.lock();
        try {
            while (calls.isEmpty() && !closed) {
                ready.await();
            }
            long left = intervalNanos;
            while (rows < batchRows && left > 0 && !closed) {
                left = ready.awaitNanos(left);
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    /** Takes no call from now on; wakes the writer. */
    void close() {
        lock.lock();
        try {
            closed = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Calls waiting now (read without the lock). */
    int waiting() {
        return waiting.get();
    }
}
