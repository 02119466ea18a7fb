package org.hypomag.cds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store's bounds while the database is away (a PostgreSQL URL on a port nobody listens on): writes wait in
 * the spool up to its size and beyond it are dropped and counted, reads find nothing, nothing is thrown to the
 * caller; and the configuration's own bounds.
 */
class SpoolBoundTest {

    @Test
    void databaseAway_writesSpooledUpToTheBound_thenDroppedAndCounted() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + port + "/none?connectTimeout=1", "postgres", ""));
        StoreStatus status = new StoreStatus(Clock.systemUTC(), Duration.ofMinutes(1));
        Spool spool = new Spool(3);
        SpooledCardStore store = new SpooledCardStore(new JdbcCardStore(jdbc, new IdKeys("k".repeat(32)), "a", false),
                status, spool);
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            store.recordIssued(List.of(MigrationAndStorePostgresTest.issued("c" + i, "s", now)));
        }
        assertThat(spool.size()).isEqualTo(3);
        assertThat(spool.dropped()).isEqualTo(2);
        assertThat(status.degradedSince()).isNotNull();
        assertThat(status.failures()).isEqualTo(1); // then left alone for retry-after: no wait per call
        assertThat(store.issuedIn("s", now.minusSeconds(60))).isEmpty();
        assertThat(store.find("c0", now.minusSeconds(60))).isEmpty();
        assertThat(new StoreHealthIndicator(status, spool).health().getStatus().getCode()).isEqualTo("DEGRADED");
    }

    @Test
    void configurationBounds_areEnforced() {
        assertThatThrownBy(() -> new IdKeys("short")).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new StoreProperties("./data", null, null, Duration.ofHours(24), Duration.ofDays(400),
                false, 1_000_001, Duration.ofSeconds(2), Duration.ofMinutes(10))).hasMessageContaining("spool-size");
        assertThatThrownBy(() -> new StoreProperties("./data", null, "x".repeat(65), Duration.ofHours(24),
                Duration.ofDays(400), false, 10, Duration.ofSeconds(2), Duration.ofMinutes(10)))
                .hasMessageContaining("instance-id");
        assertThatThrownBy(() -> new StoreProperties("./data", null, null, Duration.ofDays(2), Duration.ofDays(1),
                false, 10, Duration.ofSeconds(2), Duration.ofMinutes(10))).hasMessageContaining("ledger-ttl");
        assertThat(new StoreProperties("./data", "secret-secret-secret-secret-secret", null, Duration.ofHours(24),
                Duration.ofDays(400), false, 10, Duration.ofSeconds(2), Duration.ofMinutes(10)).toString())
                .doesNotContain("secret-secret");
    }
}
