package org.hypomag.cds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.store.Instances.SELECT;
import static org.hypomag.cds.store.Instances.SIGN;
import static org.hypomag.cds.store.Instances.token;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hypomag.cds.security.TestIssuer;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14: two instances of the service (two Spring contexts on free ports, JWT mode, one public URL as
 * behind a load balancer) on one real PostgreSQL 17. A token used at A is refused at B; feedback given at A
 * leaves the card out of order-sign at B, also after both restart; one jti replayed by 20 threads at each
 * instance is accepted exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesOnPostgresTest {

    private static final TestIssuer EHR = new TestIssuer("https://ehr.two.test.example");
    private static final Path JWKS = Instances.jwks(EHR);
    private static String db;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startBoth() {
        db = TestPostgres.shared().newDatabase();
        startTogether();
    }

    /** One after the other: Spring Boot's logging set-up is process-wide and not safe to run twice at once. */
    private static void startTogether() {
        a = Instances.start("instance-a", db, EHR, JWKS);
        b = Instances.start("instance-b", db, EHR, JWKS);
    }

    @AfterAll
    static void stopBoth() {
        a.close();
        b.close();
    }

    private static JdbcClient sql() {
        return JdbcClient.create(new DriverManagerDataSource(db, "postgres", ""));
    }

    @Test
    @Order(1)
    void tokenUsedAtA_isRefusedAtB() {
        String t = token(EHR, SELECT);
        String body = Instances.orderSelect("enc-token").toString();
        assertThat(Http.local(Instances.port(a)).post(SELECT, body).bearer(t).send().status()).isEqualTo(200);
        Http.Answer atB = Http.local(Instances.port(b)).post(SELECT, body).bearer(t).send();
        assertThat(atB.status()).isEqualTo(401);
        assertThat(atB.body()).contains("AUTH-INVALID-TOKEN");
        assertThat(Http.local(Instances.port(a)).post(SELECT, body).bearer(t).send().status()).isEqualTo(401);
        // the store's sessions commit without waiting for the WAL flush (cds.store.synchronous-commit=false)
        assertThat(JdbcClient.create(a.getBean(javax.sql.DataSource.class)).sql("SHOW synchronous_commit")
                .query(String.class).single()).isEqualTo("off");
    }

    @Test
    @Order(2)
    void feedbackAtA_leavesTheCardOutOfOrderSignAtB() {
        ObjectNode select = Instances.orderSelect("enc-feedback");
        Http.Answer shown = Http.local(Instances.port(a)).post(SELECT, select.toString()).bearer(token(EHR, SELECT))
                .send();
        assertThat(Instances.topics(shown.body())).contains("hypomag-order-wasting-drug");
        // without feedback, order-sign at B shows the card again
        ObjectNode sign = Instances.orderSign(select);
        assertThat(Instances.topics(Http.local(Instances.port(b)).post(SIGN, sign.toString()).bearer(token(EHR, SIGN))
                .send().body())).contains("hypomag-order-wasting-drug");

        JsonNode card = Instances.firstCard(shown.body());
        assertThat(Http.local(Instances.port(a)).post(SELECT + "/feedback", Instances.overridden(card))
                .bearer(token(EHR, SELECT + "/feedback")).send().status()).isEqualTo(200);
        Http.Answer atB = Http.local(Instances.port(b)).post(SIGN, Instances.orderSign(select).toString())
                .bearer(token(EHR, SIGN)).send();
        assertThat(atB.status()).isEqualTo(200);
        assertThat(Instances.topics(atB.body())).doesNotContain("hypomag-order-wasting-drug");

        // the feedback row: what analytics needs, no id or comment in clear
        var row = sql().sql("SELECT outcome, card_type, indicator, hook, instance_id, comment_present, comment_text, "
                + "patient_key, encounter_key, override_reason FROM feedback WHERE card_uuid = ?")
                .params(card.path("uuid").asString()).query().singleRow();
        assertThat(row).containsEntry("outcome", "overridden").containsEntry("card_type", "hypomag-order-wasting-drug")
                .containsEntry("hook", "order-select").containsEntry("instance_id", "instance-a")
                .containsEntry("comment_present", true).containsEntry("comment_text", null);
        assertThat(row.get("indicator")).isEqualTo(card.path("indicator").asString());
        assertThat((String) row.get("patient_key")).hasSize(43).isNotEqualTo("moderate-ppi");
        assertThat((String) row.get("encounter_key")).hasSize(43).doesNotContain("enc-feedback");
        assertThat((String) row.get("override_reason")).contains("|");
    }

    @Test
    @Order(3)
    void oneJtiReplayedBy20ThreadsAtEachInstance_isAcceptedExactlyOnce() throws Exception {
        String t = token(EHR, SELECT);
        String body = Instances.orderSelect("enc-race").toString();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int port = Instances.port(i % 2 == 0 ? a : b);
                calls.add(() -> Http.local(port).post(SELECT, body).bearer(t).send().status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            // exactly one accepted; every other refused: 401 (replay), or 503 + Retry-After when an instance had
            // no free database connection in time (a busy pool is never left to one instance's memory)
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 401 || s == 503);
            assertThat(statuses).filteredOn(s -> s == 401).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void bothRestarted_theCardIsStillLeftOut_andTheRowsAreThere() {
        long feedbackRows = sql().sql("SELECT COUNT(*) FROM feedback").query(Long.class).single();
        long issuedRows = sql().sql("SELECT COUNT(*) FROM issued_card").query(Long.class).single();
        assertThat(feedbackRows).isEqualTo(1);
        a.close();
        b.close();
        startTogether();
        ObjectNode sign = Instances.orderSign(Instances.orderSelect("enc-feedback"));
        for (ConfigurableApplicationContext instance : List.of(a, b)) {
            Http.Answer r = Http.local(Instances.port(instance)).post(SIGN, sign.toString()).bearer(token(EHR,
                    SIGN)).send();
            assertThat(r.status()).isEqualTo(200);
            assertThat(Instances.topics(r.body())).doesNotContain("hypomag-order-wasting-drug");
        }
        assertThat(sql().sql("SELECT COUNT(*) FROM feedback").query(Long.class).single()).isEqualTo(feedbackRows);
        assertThat(sql().sql("SELECT COUNT(*) FROM issued_card").query(Long.class).single()).isGreaterThanOrEqualTo(issuedRows);
    }
}
