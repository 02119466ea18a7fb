package org.hypomag.cds.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

import org.hypomag.cds.store.SharedReplay;
import org.hypomag.cds.store.StoreUnavailableException;

/**
 * Remembers each accepted (iss, jti) until its token expires, so a token is accepted once (issue 12.3).
 * Replay protection never depends on memory pressure: a live entry is never evicted. Each issuer has its own
 * bound ({@code maximumPerIssuer} live entries; with the max token lifetime the need is rate x lifetime); when
 * an issuer's bound is reached, NEW tokens of that issuer are refused ({@link Outcome#FULL}: 503 with
 * Retry-After) until entries expire, while replays are still recognised and other issuers are not affected.
 * Runs on the security clock (the real one, never the pinned clinical clock).
 *
 * <p>Issue 14: with a {@link SharedReplay} (the database, shared by every instance) that store decides, so a
 * token used at one instance is refused at every other and no bound applies; this memory then only keeps what
 * fits, as a fallback. When the database does not answer, this instance's memory decides alone (bound and 503
 * as above), the store logs "degraded", and the (iss, jti) accepted meanwhile are written to the database when
 * it is back. A database that answers while this instance's pool has no free connection in time is not an
 * outage: the token is refused for now (503 + Retry-After, as when full), never decided by memory alone.
 */
final class ReplayCache {

    /** What presenting a (iss, jti) gave. */
    enum Outcome { FIRST_USE, REPLAY, FULL }

    private final Clock clock;
    private final long maximumPerIssuer;
    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();
    private final SharedReplay shared;

    ReplayCache(Clock clock, long maximumPerIssuer) {
        this(clock, maximumPerIssuer, null);
    }

    /** @param shared the database's replay table, or null for this instance's memory alone */
    ReplayCache(Clock clock, long maximumPerIssuer, SharedReplay shared) {
        this.shared = shared;
        if (maximumPerIssuer <= 0) {
            throw new IllegalArgumentException("the replay bound must be positive");
        }
        this.clock = clock;
        this.maximumPerIssuer = maximumPerIssuer;
    }

    /** True the first time (iss, jti) is presented; false for a replay, and false when the issuer's bound is full. */
    boolean firstUse(String iss, String jti, Instant rememberUntil) {
        return use(iss, jti, rememberUntil) == Outcome.FIRST_USE;
    }

    /** Records (iss, jti) until {@code rememberUntil} unless it is a replay or the issuer's bound is full. */
    Outcome use(String iss, String jti, Instant rememberUntil) {
        Partition memory = partitions.computeIfAbsent(iss, k -> new Partition());
        if (shared != null) {
            try {
                SharedReplay.Use shared = this.shared.use(iss, jti, rememberUntil);
                if (shared == SharedReplay.Use.FIRST) {
                    memory.use(jti, rememberUntil, clock.instant(), maximumPerIssuer); // kept if it fits
                }
                // BUSY (no free connection while the database answers): refused for now (503 + Retry-After)
                return switch (shared) {
                    case FIRST -> Outcome.FIRST_USE;
                    case REPLAY -> Outcome.REPLAY;
                    case BUSY -> Outcome.FULL;
                };
            } catch (StoreUnavailableException degraded) {
                Outcome alone = memory.use(jti, rememberUntil, clock.instant(), maximumPerIssuer);
                if (alone == Outcome.FIRST_USE) {
                    this.shared.rememberLater(iss, jti, rememberUntil);
                }
                return alone;
            }
        }
        return memory.use(jti, rememberUntil, clock.instant(), maximumPerIssuer);
    }

    /** How long until the issuer's earliest entry expires (for Retry-After), at least one second. */
    Duration retryAfter(String iss) {
        Partition p = partitions.get(iss);
        return p == null ? Duration.ofSeconds(1) : p.untilFirstExpiry(clock.instant());
    }

    /** Live entries of an issuer (tests, metrics). */
    int size(String iss) {
        Partition p = partitions.get(iss);
        return p == null ? 0 : p.size(clock.instant());
    }

    private static final class Partition {

        private record Entry(String jti, Instant until) {
        }

        private final Map<String, Instant> seen = new HashMap<>();
        private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> a.until().compareTo(b.until()));

        synchronized Outcome use(String jti, Instant until, Instant now, long maximum) {
            purge(now);
            Instant known = seen.get(jti);
            if (known != null) {
                return Outcome.REPLAY;
            }
            if (seen.size() >= maximum) {
                return Outcome.FULL;
            }
            Instant keep = until.isAfter(now) ? until : now.plusSeconds(1);
            seen.put(jti, keep);
            byExpiry.add(new Entry(jti, keep));
            return Outcome.FIRST_USE;
        }

        synchronized Duration untilFirstExpiry(Instant now) {
            purge(now);
            Entry first = byExpiry.peek();
            if (first == null) {
                return Duration.ofSeconds(1);
            }
            Duration d = Duration.between(now, first.until());
            return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
        }

        synchronized int size(Instant now) {
            purge(now);
            return seen.size();
        }

        /** Drops entries whose token has expired: only those. */
        private void purge(Instant now) {
            while (!byExpiry.isEmpty() && !byExpiry.peek().until().isAfter(now)) {
                Entry e = byExpiry.poll();
                if (e.until().equals(seen.get(e.jti()))) {
                    seen.remove(e.jti());
                }
            }
        }
    }
}
