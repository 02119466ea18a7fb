package org.hypomag.cds.store;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code store} in /actuator/health: UP while the database answers; DEGRADED (HTTP 200: the instance still
 * answers every hook, so a load balancer must keep it) while it does not, with the spool's counts. Boot's own
 * database indicator is switched off (management.health.db.enabled=false) as it would say DOWN.
 */
final class StoreHealthIndicator implements HealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private final StoreStatus status;
    private final Spool spool;

    StoreHealthIndicator(StoreStatus status, Spool spool) {
        this.status = status;
        this.spool = spool;
    }

    @Override
    public Health health() {
        Instant since = status.degradedSince();
        Health.Builder b = since == null ? Health.up() : Health.status(DEGRADED).withDetail("degradedSince",
                since.toString());
        return b.withDetail("spoolWaiting", spool.size()).withDetail("spoolDropped", spool.dropped())
                .withDetail("spoolWritten", spool.drained()).build();
    }
}
