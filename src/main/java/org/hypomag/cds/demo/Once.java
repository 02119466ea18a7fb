package org.hypomag.cds.demo;

import java.util.function.Supplier;

/**
 * A value read on first use and kept: whoever asks first reads it, callers at the same moment wait for that one
 * read. A read that throws is not kept (the next caller reads again). Used for the demo's sample files, which
 * the service's start-up does not need (issue 16.5).
 */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> read;
    private volatile T value;

    Once(Supplier<T> read) {
        this.read = read;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = read.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
