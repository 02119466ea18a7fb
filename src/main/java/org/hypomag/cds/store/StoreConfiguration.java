package org.hypomag.cds.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the store on Boot's DataSource (HikariCP) and Flyway. The id-hash key: {@code cds.store.id-hash-key};
 * for the embedded H2 default, when unset, one generated once into {@code <data-dir>/id-hash.key}; with any
 * other database it is required (every instance must hash ids alike).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean
    IdKeys storeIdKeys(StoreProperties properties, @Value("${spring.datasource.url:}") String url) throws IOException {
        if (properties.idHashKey() != null && !properties.idHashKey().isBlank()) {
            return new IdKeys(properties.idHashKey());
        }
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("cds.store.id-hash-key is required with a shared database "
                    + "(spring.datasource.url is set): the same secret of at least 32 characters on every instance");
        }
        Path file = Path.of(properties.dataDir(), "id-hash.key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                // a non-POSIX file system: left as created
            }
            log.info("Embedded store: generated the id-hash key in {}", file);
        }
        return new IdKeys(Files.readString(file).strip());
    }

    /**
     * PostgreSQL sessions of the store commit without waiting for the WAL flush ({@code synchronous_commit=off},
     * unless {@code cds.store.synchronous-commit=true}): each hook's INSERTs then cost a round trip, not a disk
     * flush. A PostgreSQL crash (not a service crash) can lose the last fraction of a second of rows, never
     * corrupt them: a few ledger rows (those cards show again), feedback, or jtis (such a token could be used
     * once more within its lifetime).
     */
    @Bean
    static BeanPostProcessor storeSessionSettings(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null
                        && ds.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !environment.getProperty("cds.store.synchronous-commit", Boolean.class, false)) {
                    ds.addDataSourceProperty("options", "-c synchronous_commit=off");
                }
                return bean;
            }
        };
    }

    /** The store's meters (cds_store_duration, cds_store_degraded), wired here: only cdshooks and security use the store. */
    @Bean
    StoreMetrics storeMetrics(MeterRegistry registry) {
        return new StoreMetrics(registry);
    }

    @Bean
    StoreStatus storeStatus(StoreProperties properties, ObjectProvider<StoreMetrics> metrics) {
        // one database behind the three kinds of state: its outage degrades all three gauges
        return new StoreStatus(Clock.systemUTC(), properties.retryAfter(), degraded -> metrics.ifAvailable(
                m -> StoreMetrics.STORES.forEach(store -> m.degraded(store, degraded))));
    }

    @Bean
    Spool storeSpool(StoreProperties properties) {
        return new Spool(properties.spoolSize());
    }

    @Bean
    SpooledCardStore spooledCardStore(JdbcClient jdbc, IdKeys keys, StoreProperties properties, StoreStatus status,
                                      Spool spool) {
        return new SpooledCardStore(new JdbcCardStore(jdbc, keys, instance(properties), properties.keepComments()),
                status, spool);
    }

    /** The CardStore the others use: issued cards written behind the request unless cds.store.ledger-batch.enabled=false. */
    @Bean
    @Primary
    CardStore cardStore(SpooledCardStore spooled, LedgerBatchProperties batch, ObjectProvider<StoreMetrics> metrics) {
        return batch.enabled() ? new WriteBehindCardStore(spooled, batch, metrics.getIfAvailable()) : spooled;
    }

    /**
     * What a reader of issued_card outside the store (analytics, which may not import it) runs before its query:
     * writes the issued cards still waiting in this instance. Found by its name, a plain Runnable.
     */
    @Bean
    Runnable issuedCardsFlush(CardStore cardStore) {
        return cardStore instanceof WriteBehindCardStore w ? w::flush : () -> { };
    }

    @Bean
    SharedReplay sharedReplay(JdbcClient jdbc, StoreStatus status, Spool spool) {
        return new SharedReplay(jdbc, status, spool);
    }

    @Bean
    Retention storeRetention(JdbcClient jdbc, StoreProperties properties) {
        return new Retention(jdbc, properties, instance(properties), Clock.systemUTC());
    }

    @Bean
    StoreHealthIndicator storeHealthIndicator(StoreStatus status, Spool spool) {
        return new StoreHealthIndicator(status, spool);
    }

    /** cds.store.instance-id, else host name and process id (at most 64 characters). */
    static String instance(StoreProperties properties) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            return properties.instanceId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        String id = host + ":" + ProcessHandle.current().pid();
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }
}
