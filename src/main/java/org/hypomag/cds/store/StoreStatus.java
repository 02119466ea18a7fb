package org.hypomag.cds.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers. After a failure it is left alone for {@code retryAfter} (calls fall back at
 * once instead of each waiting for a connection), then tried again. "degraded" is logged at most once a minute
 * while it lasts, and once when it ends. Logs the exception's class only (a driver message may hold values).
 */
final class StoreStatus {

    private static final Logger log = LoggerFactory.getLogger(StoreStatus.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final Duration retryAfter;
    private final AtomicLong skipUntil = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(Long.MIN_VALUE);
    private final AtomicReference<Instant> degradedSince = new AtomicReference<>();
    private final AtomicLong failures = new AtomicLong();

    private final Consumer<Boolean> onChange;

    StoreStatus(Clock clock, Duration retryAfter) {
        this(clock, retryAfter, degraded -> { });
    }

    /** @param onChange told true when a degraded spell begins and false when it ends (the metrics gauge) */
    StoreStatus(Clock clock, Duration retryAfter, Consumer<Boolean> onChange) {
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.onChange = onChange;
    }

    /** False while the database is left alone after a failure. */
    boolean mayTry() {
        return clock.millis() >= skipUntil.get();
    }

    void failed(Exception e) {
        long now = clock.millis();
        failures.incrementAndGet();
        skipUntil.set(now + retryAfter.toMillis());
        if (degradedSince.compareAndSet(null, clock.instant())) {
            onChange.accept(true);
        }
        long last = lastLog.get();
        if ((last == Long.MIN_VALUE || now - last >= LOG_EVERY.toMillis()) && lastLog.compareAndSet(last, now)) {
            log.warn("Store degraded: the database did not answer ({}); the JWT replay check uses this instance's "
                    + "memory, writes wait in the local spool, order-sign de-duplication sees no other instance",
                    e.getClass().getSimpleName());
        }
    }

    void succeeded() {
        Instant since = degradedSince.getAndSet(null);
        if (since != null) {
            onChange.accept(false);
            log.warn("Store recovered: the database answers again (degraded since {})", since);
            lastLog.set(Long.MIN_VALUE);
        }
    }

    /** When the current degraded spell began, or null when the database answers. */
    Instant degradedSince() {
        return degradedSince.get();
    }

    long failures() {
        return failures.get();
    }

    /**
     * What a failed statement means. BUSY: the pool had no free connection in time while the database answers
     * (Hikari's timeout without a connection failure behind it): not an outage, the breaker stays closed.
     * REFUSED: the database refused this statement (constraint, SQL): retrying will not help. Else OUTAGE.
     */
    enum Fault { OUTAGE, BUSY, REFUSED }

    static Fault classify(org.springframework.dao.DataAccessException e) {
        if (e instanceof org.springframework.dao.DataIntegrityViolationException
                || e instanceof org.springframework.dao.InvalidDataAccessResourceUsageException
                || e instanceof org.springframework.dao.InvalidDataAccessApiUsageException) {
            return Fault.REFUSED;
        }
        if (e instanceof org.springframework.jdbc.CannotGetJdbcConnectionException && !network(e)) {
            return Fault.BUSY;
        }
        return Fault.OUTAGE;
    }

    private static boolean network(Throwable t) {
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c instanceof java.net.SocketException || c instanceof java.net.SocketTimeoutException
                    || (c instanceof java.sql.SQLException s && s.getSQLState() != null
                    && s.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    StoreUnavailableException unavailable(Exception cause) {
        return new StoreUnavailableException("the store's database did not answer", cause);
    }
}
