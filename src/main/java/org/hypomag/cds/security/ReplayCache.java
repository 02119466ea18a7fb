package org.hypomag.cds.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Remembers each accepted (iss, jti) until its token expires, so a token is accepted once. Bounded: when
 * full, the oldest entries go first (size it above the calls expected within one token lifetime). Runs on
 * the service clock, so tests can move time.
 */
final class ReplayCache {

    private final ConcurrentMap<String, Instant> seen;

    ReplayCache(Clock clock, long maximumSize) {
        Cache<String, Instant> cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new UntilExpiry(clock))
                .build();
        this.seen = cache.asMap();
    }

    /** True the first time (iss, jti) is presented; false for a replay while the first is remembered. */
    boolean firstUse(String iss, String jti, Instant rememberUntil) {
        return seen.putIfAbsent(iss + '\n' + jti, rememberUntil) == null;
    }

    private record UntilExpiry(Clock clock) implements Expiry<String, Instant> {

        @Override
        public long expireAfterCreate(String key, Instant until, long currentTime) {
            return Math.max(1, Duration.between(clock.instant(), until).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Instant until, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String key, Instant until, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
