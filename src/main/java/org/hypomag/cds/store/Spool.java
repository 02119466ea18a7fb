package org.hypomag.cds.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes waiting for the database, in arrival order, bounded: beyond {@code capacity} a write is dropped and
 * counted (the health indicator and the log say how many).
 */
final class Spool {

    /** One pending write; throws the database's exception when it still cannot be done. */
    interface Write {
        void run();
    }

    private final int capacity;
    private final Deque<Write> pending = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();

    Spool(int capacity) {
        this.capacity = capacity;
    }

    synchronized boolean add(Write w) {
        if (pending.size() >= capacity) {
            dropped.incrementAndGet();
            return false;
        }
        pending.addLast(w);
        return true;
    }

    synchronized Write peek() {
        return pending.peekFirst();
    }

    synchronized void done(Write w) {
        if (pending.peekFirst() == w) {
            pending.removeFirst();
            written.incrementAndGet();
        }
    }

    synchronized int size() {
        return pending.size();
    }

    long dropped() {
        return dropped.get();
    }

    /** Writes done from the spool after the database came back. */
    long drained() {
        return written.get();
    }
}
