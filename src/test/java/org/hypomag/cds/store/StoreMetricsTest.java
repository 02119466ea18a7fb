package org.hypomag.cds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The stores' meter hook: what a store engineer calls, and the bounds on its labels. */
class StoreMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final StoreMetrics metrics = new StoreMetrics(registry);

    @Test
    void everyKnownStore_reportsNotDegradedFromTheStart_thenTheFlagItIsGiven() {
        for (String store : StoreMetrics.STORES) {
            assertThat(registry.get("cds.store.degraded").tag("store", store).gauge().value()).isZero();
        }
        metrics.degraded("feedback", true);
        assertThat(registry.get("cds.store.degraded").tag("store", "feedback").gauge().value()).isEqualTo(1);
        assertThat(registry.get("cds.store.degraded").tag("store", "ledger").gauge().value()).isZero();
        metrics.degraded("feedback", false);
        assertThat(registry.get("cds.store.degraded").tag("store", "feedback").gauge().value()).isZero();
    }

    @Test
    void databaseOutage_setsEveryStoresDegradedGauge_untilTheDatabaseAnswersAgain() {
        StoreStatus status = new StoreStatus(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(2),
                degraded -> StoreMetrics.STORES.forEach(store -> metrics.degraded(store, degraded)));
        status.succeeded();
        assertThat(registry.get("cds.store.degraded").tag("store", "replay").gauge().value()).isZero();
        status.failed(new java.sql.SQLException("connection refused"));
        status.failed(new java.sql.SQLException("connection refused"));
        for (String store : StoreMetrics.STORES) {
            assertThat(registry.get("cds.store.degraded").tag("store", store).gauge().value()).isEqualTo(1);
        }
        status.succeeded();
        for (String store : StoreMetrics.STORES) {
            assertThat(registry.get("cds.store.degraded").tag("store", store).gauge().value()).isZero();
        }
    }

    @Test
    void timedOperations_countedByOutcome_failuresRethrown() {
        assertThat(metrics.timed("ledger", "find", () -> 42)).isEqualTo(42);
        metrics.timed("ledger", "find", () -> 1);
        assertThatThrownBy(() -> metrics.timed("ledger", "record", (Runnable) () -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(registry.get("cds.store.duration").tags("store", "ledger", "operation", "find", "outcome", "ok")
                .timer().count()).isEqualTo(2);
        assertThat(registry.get("cds.store.duration").tags("store", "ledger", "operation", "record", "outcome", "error")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void labels_stayBounded_unknownStoresAndOddOperationNamesCollapse() {
        metrics.timed("patient-4711", "save", () -> null);
        metrics.timed("feedback", "Patient/4711", () -> null);
        metrics.degraded("jdbc:postgresql://db/x", true);
        for (int i = 0; i < 500; i++) {
            metrics.timed("feedback", "op" + i, () -> null);
        }
        assertThat(registry.get("cds.store.duration").tags("store", "other", "operation", "save").timer().count()).isOne();
        assertThat(registry.get("cds.store.duration").tags("store", "feedback", "operation", "other").timer().count())
                .isGreaterThan(400);
        assertThat(registry.get("cds.store.degraded").tag("store", "other").gauge().value()).isEqualTo(1);
        assertThat(registry.find("cds.store.duration").timers().size()).isLessThanOrEqualTo(StoreMetrics.MAX_TIMERS + 2);
        assertThat(registry.getMeters()).noneMatch(m -> m.getId().getTags().toString().contains("4711"));
    }
}
