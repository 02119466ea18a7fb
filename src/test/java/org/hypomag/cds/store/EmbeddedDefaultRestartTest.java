package org.hypomag.cds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.store.Instances.SELECT;
import static org.hypomag.cds.store.Instances.SIGN;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14: with no spring.datasource.url the service keeps its state in an H2 file database under
 * cds.store.data-dir (the README's demo start, nothing installed): feedback given, the service stopped and
 * started again, and order-sign still leaves the answered card out.
 */
class EmbeddedDefaultRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void feedback_stop_start_theDeduplicationStillHolds() {
        ObjectNode select = Instances.orderSelect("enc-restart");
        ConfigurableApplicationContext first = Instances.startEmbedded(dataDir);
        try {
            assertThat(first.getBean(DataSourceProperties.class).getUrl()).startsWith("jdbc:h2:file:" + dataDir);
            String shown = Http.local(Instances.port(first)).post(SELECT, select.toString()).send().body();
            JsonNode card = Instances.firstCard(shown);
            assertThat(card.at("/source/topic/code").asString()).isEqualTo("hypomag-order-wasting-drug");
            assertThat(Http.local(Instances.port(first)).post(SELECT + "/feedback", Instances.overridden(card))
                    .send().status())
                    .isEqualTo(200);
        } finally {
            first.close();
        }
        assertThat(Files.exists(dataDir.resolve("id-hash.key"))).isTrue();
        ConfigurableApplicationContext second = Instances.startEmbedded(dataDir);
        try {
            String signed = Http.local(Instances.port(second)).post(SIGN, Instances.orderSign(select).toString())
                    .send().body();
            assertThat(Instances.topics(signed)).doesNotContain("hypomag-order-wasting-drug");
            // another encounter has no answered card: shown
            String other = Http.local(Instances.port(second)).post(SIGN,
                    Instances.orderSign(Instances.orderSelect("enc-other")).toString()).send().body();
            assertThat(Instances.topics(other)).contains("hypomag-order-wasting-drug");
        } finally {
            second.close();
        }
    }
}
