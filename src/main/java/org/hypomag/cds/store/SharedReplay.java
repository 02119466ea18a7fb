package org.hypomag.cds.store;

import java.time.Instant;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JWT replay protection shared by every instance (issue 14): each (iss, jti) is inserted once under a unique
 * key with its token's expiry; the insert that finds the key taken is a replay. No bound, so nothing can be
 * evicted by a flood of fresh jtis: rows leave only when expired (retention job).
 */
public final class SharedReplay {

    private final JdbcClient jdbc;
    private final StoreStatus status;
    private final Spool spool;

    SharedReplay(JdbcClient jdbc, StoreStatus status, Spool spool) {
        this.jdbc = jdbc;
        this.status = status;
        this.spool = spool;
    }

    /**
     * True the first time (iss, jti) is presented anywhere, false for a replay.
     *
     * @throws StoreUnavailableException when the database does not answer (the caller decides alone)
     */
    public boolean firstUse(String iss, String jti, Instant until) {
        if (!status.mayTry()) {
            throw status.unavailable(null);
        }
        try {
            insert(iss, jti, until);
            status.succeeded();
            return true;
        } catch (DuplicateKeyException replay) {
            status.succeeded();
            return false;
        } catch (DataAccessException e) {
            status.failed(e);
            throw status.unavailable(e);
        }
    }

    /**
     * A (iss, jti) accepted by an instance alone while the database was down: written when it is back (spooled),
     * so other instances refuse it from then on.
     */
    public void rememberLater(String iss, String jti, Instant until) {
        spool.add(() -> {
            try {
                insert(iss, jti, until);
            } catch (DuplicateKeyException alreadyThere) {
                // seen elsewhere meanwhile: nothing to add
            }
        });
    }

    private void insert(String iss, String jti, Instant until) {
        jdbc.sql("INSERT INTO replay_jti (iss, jti, expires_at) VALUES (?, ?, ?)")
                .params(iss, jti, JdbcCardStore.ts(until)).update();
    }
}
