package org.hypomag.cds.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cds.store.*}. The database itself is {@code spring.datasource.*} (PostgreSQL in production); without
 * {@code spring.datasource.url} an H2 file database under {@code dataDir}.
 *
 * @param dataDir           where the embedded default keeps its database and generated id key
 * @param idHashKey         the HMAC key for patient/encounter/user ids (at least 32 characters); required with
 *                          a shared database, generated into {@code dataDir} for the embedded default
 * @param instanceId        this instance's name in the rows it writes (default: host name and process id)
 * @param ledgerTtl         how long an issued card counts for order-sign de-duplication
 * @param feedbackRetention how long feedback and issued-card rows are kept (analytics)
 * @param keepComments      keep the clinician's override comment text (default: only whether there was one)
 * @param spoolSize         writes held in memory while the database is down; beyond it they are dropped (counted)
 * @param retryAfter        after a failure the database is left alone this long (calls do not wait on it)
 * @param retentionInterval how often an instance tries to run the retention deletes (one instance at a time)
 */
@ConfigurationProperties("cds.store")
public record StoreProperties(@DefaultValue("./data") String dataDir, String idHashKey, String instanceId,
                              @DefaultValue("24h") Duration ledgerTtl, @DefaultValue("400d") Duration feedbackRetention,
                              @DefaultValue("false") boolean keepComments, @DefaultValue("10000") int spoolSize,
                              @DefaultValue("2s") Duration retryAfter,
                              @DefaultValue("10m") Duration retentionInterval) {

    public StoreProperties {
        if (spoolSize <= 0 || spoolSize > 1_000_000) {
            throw new IllegalArgumentException("cds.store.spool-size must be between 1 and 1000000");
        }
        if (ledgerTtl.isNegative() || ledgerTtl.isZero() || feedbackRetention.compareTo(ledgerTtl) < 0) {
            throw new IllegalArgumentException("cds.store.ledger-ttl must be positive and not longer than "
                    + "cds.store.feedback-retention");
        }
        if (instanceId != null && instanceId.length() > 64) {
            throw new IllegalArgumentException("cds.store.instance-id is at most 64 characters");
        }
    }

    @Override
    public String toString() {
        return "StoreProperties[dataDir=" + dataDir + ", idHashKey=" + (idHashKey == null ? "unset" : "(set)")
                + ", instanceId=" + instanceId + ", ledgerTtl=" + ledgerTtl + ", feedbackRetention="
                + feedbackRetention + ", keepComments=" + keepComments + ", spoolSize=" + spoolSize + "]";
    }
}
