package org.hypomag.cds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store's SQL on a real PostgreSQL 17: the migrations on an empty database and from the previous schema
 * version (V1, with rows) to the current one; the replay table under a race; the retention job's lease (one
 * instance at a time) and what it removes; no id in clear in the rows.
 */
class MigrationAndStorePostgresTest {

    private static final TestPostgres PG = TestPostgres.shared();
    private static final String KEY = "migration-test-key-0123456789abcdef";

    private static DriverManagerDataSource dataSource(String url) {
        return new DriverManagerDataSource(url, "postgres", "");
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(dataSource(url)).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion(target)).load();
    }

    @Test
    void emptyDatabase_migratesToTheCurrentSchema() {
        String url = PG.newDatabase();
        assertThat(flyway(url, "latest").migrate().migrationsExecuted).isEqualTo(2);
        JdbcClient jdbc = JdbcClient.create(dataSource(url));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM store_lease WHERE name = 'retention'").query(Long.class).single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback WHERE regimen IS NULL").query(Long.class).single()).isZero();
    }

    @Test
    void previousSchemaVersion_withRows_upgradesAndKeepsThem() {
        String url = PG.newDatabase();
        assertThat(flyway(url, "1").migrate().migrationsExecuted).isEqualTo(1);
        JdbcClient jdbc = JdbcClient.create(dataSource(url));
        JdbcCardStore v1 = new JdbcCardStore(jdbc, new IdKeys(KEY), "a", false);
        Instant now = Instant.now();
        v1.recordIssued(List.of(issued("c1", "scope-1", now)));
        jdbc.sql("INSERT INTO feedback (dedup_key, card_uuid, service_id, owner_key, outcome, comment_present, "
                + "accepted_suggestions, outcome_at, received_at, instance_id) VALUES ('k1', 'c1', 'svc', 'demo', "
                + "'overridden', FALSE, '', ?, ?, 'a')").params(JdbcCardStore.ts(now), JdbcCardStore.ts(now)).update();

        assertThat(flyway(url, "latest").migrate().migrationsExecuted).isEqualTo(1);
        JdbcCardStore v2 = new JdbcCardStore(jdbc, new IdKeys(KEY), "a", false);
        assertThat(v2.issuedIn("scope-1", now.minusSeconds(60))).extracting(LedgerEntry::cardUuid).containsExactly("c1");
        assertThat(v2.feedbackFor(List.of("c1"))).singleElement().satisfies(f -> assertThat(f.accepted()).isFalse());
        // the V2 column is usable on the upgraded rows
        v2.saveFeedback(new FeedbackOutcome("svc", "c1", "demo", true, List.of("s-alt"), null, "a comment", now, now),
                v2.find("c1", now.minusSeconds(60)).orElseThrow());
        assertThat(jdbc.sql("SELECT regimen FROM feedback WHERE outcome = 'accepted'").query(String.class).single())
                .isEqualTo("alternative");
    }

    @Test
    void rows_holdNoIdInClear_andTheCommentOnlyAsPresence() {
        String url = PG.newDatabase();
        flyway(url, "latest").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource(url));
        JdbcCardStore store = new JdbcCardStore(jdbc, new IdKeys(KEY), "a", false);
        Instant now = Instant.now();
        store.recordIssued(List.of(issued("c1", "owner|pt-secret-42|E:enc-9", now), issued("c2", "owner|pt-secret-42|E:enc-9", now)));
        LedgerEntry c1 = store.find("c1", now.minusSeconds(60)).orElseThrow();
        store.saveFeedback(new FeedbackOutcome("svc", "c1", "demo", true, List.of("s-first"), null, "patient said x",
                now, now), c1);
        store.saveFeedback(new FeedbackOutcome("svc", "c1", "demo", true, List.of("s-first"), null, "patient said x",
                now, now), c1); // re-sent: kept once
        String dump = jdbc.sql("SELECT * FROM issued_card").query().listOfRows().toString()
                + jdbc.sql("SELECT * FROM feedback").query().listOfRows();
        assertThat(dump).doesNotContain("pt-secret-42").doesNotContain("enc-9").doesNotContain("Practitioner/7")
                .doesNotContain("patient said x");
        Map<String, Object> row = jdbc.sql("SELECT comment_present, regimen, card_type, indicator, hook, instance_id "
                + "FROM feedback").query().singleRow();
        assertThat(row).containsEntry("comment_present", true).containsEntry("regimen", "first")
                .containsEntry("card_type", "hypomag-alert").containsEntry("indicator", "critical")
                .containsEntry("hook", "order-select").containsEntry("instance_id", "a");
        assertThat(store.issuedIn("owner|pt-secret-42|E:enc-9", now.minusSeconds(60))).hasSize(2);
    }

    @Test
    void twentyThreadsPresentingOneJti_exactlyOneIsFirst() throws Exception {
        String url = PG.newDatabase();
        flyway(url, "latest").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource(url));
        StoreStatus status = new StoreStatus(java.time.Clock.systemUTC(), Duration.ofSeconds(2));
        SharedReplay a = new SharedReplay(jdbc, status, new Spool(10));
        SharedReplay b = new SharedReplay(jdbc, status, new Spool(10));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            Instant until = Instant.now().plusSeconds(300);
            for (int i = 0; i < 20; i++) {
                SharedReplay r = i % 2 == 0 ? a : b;
                tries.add(() -> r.firstUse("https://ehr", "jti-1", until));
            }
            int first = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                first += f.get() ? 1 : 0;
            }
            assertThat(first).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void retention_runsOnOneInstanceAtATime_andRemovesOnlyWhatExpired() {
        String url = PG.newDatabase();
        flyway(url, "latest").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource(url));
        JdbcCardStore store = new JdbcCardStore(jdbc, new IdKeys(KEY), "a", false);
        Instant now = Instant.now();
        store.recordIssued(List.of(issued("old", "s", now.minus(Duration.ofDays(401))),
                issued("yesterday", "s", now.minus(Duration.ofHours(25))), issued("fresh", "s", now)));
        jdbc.sql("INSERT INTO replay_jti (iss, jti, expires_at) VALUES ('i', 'gone', ?), ('i', 'live', ?)")
                .params(JdbcCardStore.ts(now.minusSeconds(1)), JdbcCardStore.ts(now.plusSeconds(300))).update();
        StoreProperties props = new StoreProperties("./data", KEY, null, Duration.ofHours(24), Duration.ofDays(400),
                false, 10, Duration.ofSeconds(2), Duration.ofMinutes(10));
        Retention a = new Retention(jdbc, props, "a", java.time.Clock.systemUTC());
        Retention b = new Retention(jdbc, props, "b", java.time.Clock.systemUTC());
        assertThat(a.runIfLeaseTaken()).isTrue();
        assertThat(b.runIfLeaseTaken()).isFalse(); // a holds the lease for this interval
        assertThat(jdbc.sql("SELECT jti FROM replay_jti").query(String.class).list()).containsExactly("live");
        assertThat(jdbc.sql("SELECT card_uuid FROM issued_card ORDER BY issued_at").query(String.class).list())
                .containsExactly("yesterday", "fresh");
        assertThat(store.issuedIn("s", now.minus(Duration.ofDays(2)))).extracting(LedgerEntry::cardUuid)
                .containsExactly("fresh"); // the day-old card left the ledger, its analytics row stays
    }

    static IssuedCard issued(String uuid, String scope, Instant at) {
        return new IssuedCard(uuid, "svc", "order-select", "hypomag-alert", "critical", "k-1", "demo", scope,
                "pt-secret-42", "enc-9", "Practitioner/7", "fp-" + uuid,
                Map.of("s-first", Set.of("p1"), "s-alt", Set.of("p2")).entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                                (x, y) -> x, java.util.LinkedHashMap::new)), at);
    }
}
