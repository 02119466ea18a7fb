package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Issue 12.3: replay protection never depends on memory pressure; a full issuer refuses new tokens only. */
class ReplayCacheTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** The review's attack: cache full, a token used, then fresh tokens; the used one must stay refused. */
    @Property(tries = 50, seed = "20261202")
    void aUsedTokenIsNeverForgotten_howeverManyFreshTokensFollow(@ForAll @IntRange(min = 1, max = 50) int bound,
                                                                 @ForAll @IntRange(min = 1, max = 200) int fresh) {
        MutableClock clock = new MutableClock(NOW);
        ReplayCache cache = new ReplayCache(clock, bound);
        Instant exp = NOW.plus(Duration.ofMinutes(5));
        for (int i = 0; i < bound - 1; i++) {
            assertThat(cache.use("iss", "filler-" + i, exp)).isEqualTo(ReplayCache.Outcome.FIRST_USE);
        }
        assertThat(cache.use("iss", "victim", exp)).isEqualTo(ReplayCache.Outcome.FIRST_USE);
        for (int i = 0; i < fresh; i++) {
            assertThat(cache.use("iss", UUID.randomUUID().toString(), exp)).isEqualTo(ReplayCache.Outcome.FULL);
        }
        assertThat(cache.use("iss", "victim", exp)).isEqualTo(ReplayCache.Outcome.REPLAY);
        assertThat(cache.firstUse("iss", "victim", exp)).isFalse();
    }

    @Test
    void oneIssuerFillingItsBound_doesNotWeakenAnother() {
        MutableClock clock = new MutableClock(NOW);
        ReplayCache cache = new ReplayCache(clock, 3);
        Instant exp = NOW.plusSeconds(300);
        for (int i = 0; i < 3; i++) {
            cache.use("noisy", "n" + i, exp);
        }
        assertThat(cache.use("noisy", "n-next", exp)).isEqualTo(ReplayCache.Outcome.FULL);
        assertThat(cache.use("quiet", "q1", exp)).isEqualTo(ReplayCache.Outcome.FIRST_USE);
        assertThat(cache.use("quiet", "q1", exp)).isEqualTo(ReplayCache.Outcome.REPLAY);
    }

    @Test
    void entriesLeaveOnlyAtTheirTokensExpiry_thenRoomComesBack() {
        MutableClock clock = new MutableClock(NOW);
        ReplayCache cache = new ReplayCache(clock, 2);
        cache.use("iss", "early", NOW.plusSeconds(60));
        cache.use("iss", "late", NOW.plusSeconds(600));
        assertThat(cache.use("iss", "new", NOW.plusSeconds(600))).isEqualTo(ReplayCache.Outcome.FULL);
        assertThat(cache.retryAfter("iss")).isEqualTo(Duration.ofSeconds(60));
        clock.set(NOW.plusSeconds(61));
        assertThat(cache.use("iss", "late", NOW.plusSeconds(600))).isEqualTo(ReplayCache.Outcome.REPLAY);
        assertThat(cache.use("iss", "new", NOW.plusSeconds(600))).isEqualTo(ReplayCache.Outcome.FIRST_USE);
    }
}
