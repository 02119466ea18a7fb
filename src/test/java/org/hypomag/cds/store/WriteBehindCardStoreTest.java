package org.hypomag.cds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 16 goal 3: issued cards written behind the request, on a real H2 database (the embedded default's
 * dialect). The database is reached through a switch that counts connections (one per statement here) and can
 * refuse them as a network outage would (SQLState 08001).
 */
class WriteBehindCardStoreTest {

    /** Counts connections; while {@code down}, refuses them as an unreachable server does. */
    static final class SwitchedDataSource extends DriverManagerDataSource {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();

        SwitchedDataSource(String url) {
            super(url, "sa", "");
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLException("connection refused", "08001");
            }
            connections.incrementAndGet();
            return super.getConnection();
        }
    }

    private final String url = "jdbc:h2:mem:wb-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private final SwitchedDataSource ds = new SwitchedDataSource(url);
    private final JdbcClient sql = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
    private final StoreStatus status = new StoreStatus(Clock.systemUTC(), Duration.ZERO);
    private final Spool spool = new Spool(100);
    private final SpooledCardStore spooled = new SpooledCardStore(
            new JdbcCardStore(JdbcClient.create(ds), new IdKeys("k".repeat(32)), "a", false), status, spool);
    private final Instant now = Instant.now();
    private WriteBehindCardStore store;

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        sql.sql("SHUTDOWN").update();
    }

    private WriteBehindCardStore store(int rows, int queue, boolean writer) {
        store = new WriteBehindCardStore(spooled, new LedgerBatchProperties(true, rows, Duration.ofSeconds(1), queue),
                null, writer);
        return store;
    }

    private static List<IssuedCard> call(String... uuids) {
        List<IssuedCard> cards = new ArrayList<>();
        for (String u : uuids) {
            cards.add(MigrationAndStorePostgresTest.issued(u, "scope-" + u.charAt(0), Instant.now()));
        }
        return cards;
    }

    private long rowsInDb() {
        return sql.sql("SELECT COUNT(*) FROM issued_card").query(Long.class).single();
    }

    @Test
    void tenCalls_areWrittenInOneStatement() {
        WriteBehindCardStore s = store(64, 100, false);
        for (int i = 0; i < 10; i++) {
            s.recordIssued(call("a" + i, "b" + i));
        }
        assertThat(s.waiting()).isEqualTo(10);
        assertThat(ds.connections.get()).isZero(); // nothing written on the calling threads
        s.flush();
        assertThat(ds.connections.get()).isEqualTo(1);
        assertThat(s.batches()).isEqualTo(1);
        assertThat(rowsInDb()).isEqualTo(20);
    }

    @Test
    void aBatchHoldsAtMostRowsCards_exceptOneLargerCall() {
        WriteBehindCardStore s = store(64, 100, false);
        for (int i = 0; i < 40; i++) {
            s.recordIssued(call("a" + i, "b" + i));
        }
        s.recordIssued(call("c1", "c2", "c3")); // 80 + 3 cards: 64, then 19
        s.flush();
        assertThat(s.batches()).isEqualTo(2);
        assertThat(ds.connections.get()).isEqualTo(2);
        assertThat(rowsInDb()).isEqualTo(83);
    }

    @Test
    void everyRead_seesTheCardsRecordedBeforeIt() {
        WriteBehindCardStore s = store(64, 100, false);
        s.recordIssued(call("x1", "x2"));
        assertThat(s.issuedIn("scope-x", now.minusSeconds(60))).extracting(LedgerEntry::cardUuid)
                .containsExactlyInAnyOrder("x1", "x2");
        s.recordIssued(call("y1"));
        assertThat(s.find("y1", now.minusSeconds(60))).isPresent();
        s.recordIssued(call("z1"));
        assertThat(s.feedbackCount()).isZero();
        assertThat(rowsInDb()).isEqualTo(4); // feedbackCount flushed z1 as well
        assertThat(s.waiting()).isZero();
    }

    @Test
    void fullQueue_theCallerWritesWhatWaitsAndItsOwnCards_nothingDropped() {
        WriteBehindCardStore s = store(64, 2, false);
        s.recordIssued(call("q1"));
        s.recordIssued(call("q2"));
        assertThat(rowsInDb()).isZero();
        s.recordIssued(call("q3")); // the queue holds 2 calls: this one writes all three
        assertThat(s.writtenByCaller()).isEqualTo(1);
        assertThat(s.waiting()).isZero();
        assertThat(sql.sql("SELECT card_uuid FROM issued_card").query(String.class).list())
                .containsExactlyInAnyOrder("q1", "q2", "q3");
        assertThat(spool.dropped()).isZero();
    }

    @Test
    void outageDuringABatch_eachCallSpooledInOrder_writtenAfterRecovery() {
        WriteBehindCardStore s = store(64, 100, false);
        ds.down.set(true);
        s.recordIssued(call("o1"));
        s.recordIssued(call("dup")); // first "dup": its service_id is svc
        List<IssuedCard> later = List.of(new IssuedCard("dup", "later", "order-select", "t", "info", "k", "demo",
                "scope-d", "p", "e", "u", "fp", java.util.Map.of(), Instant.now()));
        s.recordIssued(later); // the same uuid again: refused when written after the first
        s.recordIssued(call("o2"));
        s.flush();
        assertThat(spool.size()).isEqualTo(4); // one spooled write per call, as without the queue
        assertThat(status.degradedSince()).isNotNull();
        assertThat(new StoreHealthIndicator(status, spool).health().getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(s.issuedIn("scope-o", now.minusSeconds(60))).isEmpty(); // reads find nothing meanwhile

        ds.down.set(false);
        spooled.drain();
        assertThat(spool.size()).isZero();
        assertThat(spool.drained()).isEqualTo(4);
        assertThat(status.degradedSince()).isNull();
        assertThat(sql.sql("SELECT card_uuid FROM issued_card").query(String.class).list())
                .containsExactlyInAnyOrder("o1", "dup", "o2");
        // written in order: the first "dup" is the one kept
        assertThat(sql.sql("SELECT service_id FROM issued_card WHERE card_uuid = 'dup'").query(String.class).single())
                .isEqualTo("svc");
    }

    @Test
    void aRefusedCallInABatch_losesOnlyItself() {
        WriteBehindCardStore s = store(64, 100, false);
        s.recordIssued(call("r1"));
        s.flush();
        s.recordIssued(call("r2"));
        s.recordIssued(call("r1")); // already there: the batch is refused, then each call alone
        s.recordIssued(call("r3"));
        s.flush();
        assertThat(sql.sql("SELECT card_uuid FROM issued_card").query(String.class).list())
                .containsExactlyInAnyOrder("r1", "r2", "r3");
        assertThat(spool.size()).isZero();
        assertThat(status.degradedSince()).isNull();
    }

    @Test
    void theWriterThread_writesWithoutAnyRead() throws InterruptedException {
        WriteBehindCardStore s = store(4, 100, true);
        s.recordIssued(call("w1", "w2", "w3", "w4")); // rows reached: written without waiting for the interval
        s.recordIssued(call("w5")); // written once it has waited the interval (1 s)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (rowsInDb() < 5 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(rowsInDb()).isEqualTo(5);
        assertThat(s.waiting()).isZero();
    }

    @Test
    void close_writesWhatWaits_andLaterCallsWriteThemselves() {
        WriteBehindCardStore s = store(1000, 100, true);
        s.recordIssued(call("s1"));
        s.recordIssued(call("s2", "s3"));
        s.close();
        assertThat(rowsInDb()).isEqualTo(3);
        s.recordIssued(call("s4"));
        assertThat(rowsInDb()).isEqualTo(4);
        assertThat(s.waiting()).isZero();
    }

    @Test
    void configurationBounds_areEnforced() {
        assertThatThrownBy(() -> new LedgerBatchProperties(true, 0, Duration.ofMillis(15), 10))
                .hasMessageContaining("rows");
        assertThatThrownBy(() -> new LedgerBatchProperties(true, 1001, Duration.ofMillis(15), 10))
                .hasMessageContaining("rows");
        assertThatThrownBy(() -> new LedgerBatchProperties(true, 64, Duration.ZERO, 10))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> new LedgerBatchProperties(true, 64, Duration.ofSeconds(2), 10))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> new LedgerBatchProperties(true, 64, Duration.ofMillis(15), 0))
                .hasMessageContaining("queue");
        assertThatThrownBy(() -> new LedgerBatchProperties(true, 64, Duration.ofMillis(15), 100_001))
                .hasMessageContaining("queue");
        assertThat(new LedgerBatchProperties(true, 1000, Duration.ofSeconds(1), 100_000).rows()).isEqualTo(1000);
    }
}
