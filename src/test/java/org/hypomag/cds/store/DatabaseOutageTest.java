package org.hypomag.cds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.store.Instances.SELECT;
import static org.hypomag.cds.store.Instances.token;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hypomag.cds.security.TestIssuer;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, faults: PostgreSQL is killed in the middle of a load run (JWT mode, 3 clients, each order-select
 * followed by feedback on its card) and started again. No call gets a 5xx, every call is answered, health says
 * DEGRADED meanwhile; the spool drains once the database is back and the rows match what was answered.
 */
class DatabaseOutageTest {

    private static final TestIssuer EHR = new TestIssuer("https://ehr.outage.test.example");

    @TempDir
    Path pgData;

    @Test
    void databaseKilledDuringLoad_everyCallAnswered_spoolDrains_countsMatch() throws Exception {
        int port = freePort();
        TestPostgres pg = TestPostgres.own(pgData, port);
        String db = pg.url("postgres");
        ConfigurableApplicationContext app = Instances.start("outage", db, EHR, Instances.jwks(EHR),
                "--cds.store.retry-after=500ms", "--cds.store.drain-interval=200ms");
        int http = Instances.port(app);
        AtomicInteger hookCalls = new AtomicInteger();
        AtomicInteger cardsIssued = new AtomicInteger();
        AtomicInteger feedbackSent = new AtomicInteger();
        ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        for (int c = 0; c < 3; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String body = Instances.orderSelect("enc-" + client + "-" + i).toString();
                    Http.Answer r = Http.local(http).post(SELECT, body).bearer(token(EHR, SELECT)).send();
                    hookCalls.incrementAndGet();
                    if (r.status() != 200) {
                        bad.add("hook " + r.status() + " " + r.body());
                        continue;
                    }
                    JsonNode cards = Http.JSON.readTree(r.body()).path("cards");
                    cardsIssued.addAndGet(cards.size());
                    Http.Answer f = Http.local(http).post(SELECT + "/feedback", Instances.overridden(cards.get(0)))
                            .bearer(token(EHR, SELECT + "/feedback")).send();
                    if (f.status() != 200) {
                        bad.add("feedback " + f.status() + " " + f.body());
                    } else {
                        feedbackSent.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Spool spool = app.getBean(Spool.class);
        try {
            await(() -> hookCalls.get() >= 15);
            pg.stop();
            int atKill = hookCalls.get();
            await(() -> hookCalls.get() >= atKill + 30);
            assertThat(Http.local(http).get("/actuator/health").send().body()).contains("DEGRADED");
            assertThat(spool.size()).isPositive();
            pg = TestPostgres.own(pgData, port);
            int atReturn = hookCalls.get();
            await(() -> hookCalls.get() >= atReturn + 15);
        } finally {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
        try {
            await(() -> spool.size() == 0);
            assertThat(bad).isEmpty();
            assertThat(spool.dropped()).isZero();
            assertThat(spool.drained()).isPositive();
            JdbcClient sql = JdbcClient.create(new DriverManagerDataSource(db, "postgres", ""));
            assertThat(sql.sql("SELECT COUNT(*) FROM feedback").query(Long.class).single())
                    .isEqualTo(feedbackSent.get());
            assertThat(sql.sql("SELECT COUNT(*) FROM issued_card").query(Long.class).single())
                    .isEqualTo(cardsIssued.get());
            assertThat(Http.local(http).get("/actuator/health").send().body()).doesNotContain("DEGRADED");
        } finally {
            app.close();
            pg.stop();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 3 minutes");
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
