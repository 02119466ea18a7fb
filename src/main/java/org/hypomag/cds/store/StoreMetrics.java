package org.hypomag.cds.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meter hook of the stores: {@code cds.store.duration} (timer: store, operation, outcome ok|error; SLO
 * buckets from 1 ms to 500 ms) and {@code cds.store.degraded} (gauge: store; 1 while a store runs in its
 * degraded mode, e.g. a database store answering from memory, else 0). A store calls
 * {@link #timed(String, String, Supplier)} around each operation and {@link #degraded(String, boolean)} when it
 * changes mode. Labels are bounded: a store name outside {@link #STORES} is counted as {@code other}, an
 * operation name must be a short lowercase word (else {@code other}); never an id or a value.
 */
public final class StoreMetrics {

    /** The store names with their own label; every store of this list reports degraded = 0 from the start. */
    public static final Set<String> STORES = Set.of("feedback", "ledger", "replay");

    private static final java.time.Duration[] SLO = {ms(1), ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500)};

    /** Store × operation × outcome series at most; further operations are counted as {@code other}. */
    static final int MAX_TIMERS = 64;

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> degraded = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
        STORES.forEach(this::gauge);
        gauge("other");
    }

    /** Runs one store operation and times it (outcome error when it throws). */
    public <T> T timed(String store, String operation, Supplier<T> work) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = work.get();
            outcome = "ok";
            return result;
        } finally {
            timer(store(store), operation(operation), outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The same for an operation without a result. */
    public void timed(String store, String operation, Runnable work) {
        timed(store, operation, () -> {
            work.run();
            return null;
        });
    }

    /** Sets a store's degraded flag (the gauge reads 1 while degraded). */
    public void degraded(String store, boolean isDegraded) {
        gauge(store(store)).set(isDegraded ? 1 : 0);
    }

    private AtomicInteger gauge(String store) {
        return degraded.computeIfAbsent(store, s -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("cds.store.degraded", value, AtomicInteger::get)
                    .description("1 while the store runs in its degraded mode").tag("store", s).register(registry);
            return value;
        });
    }

    private Timer timer(String store, String operation, String outcome) {
        String key = store + '|' + operation + '|' + outcome;
        if (timers.size() >= MAX_TIMERS && !timers.containsKey(key)) {
            key = store + "|other|" + outcome; // at most one more series per store and outcome
        }
        String op = key.substring(store.length() + 1, key.length() - outcome.length() - 1);
        return timers.computeIfAbsent(key, k -> Timer.builder("cds.store.duration")
                .description("Time of one store operation").tag("store", store).tag("operation", op)
                .tag("outcome", outcome).serviceLevelObjectives(SLO).register(registry));
    }

    private static String store(String name) {
        return name != null && STORES.contains(name) ? name : "other";
    }

    private static String operation(String name) {
        return name != null && name.matches("[a-z][a-z0-9-]{0,23}") ? name : "other";
    }

    private static java.time.Duration ms(long millis) {
        return java.time.Duration.ofMillis(millis);
    }
}
