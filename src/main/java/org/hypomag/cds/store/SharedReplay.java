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

    /** What presenting a (iss, jti) to the shared table gave. */
    public enum Use {
        /** the first time anywhere */
        FIRST,
        /** seen before, at any instance */
        REPLAY,
        /** the database answers but this instance had no free connection in time: not decided (refuse for now) */
        BUSY
    }

    /**
     * Inserts (iss, jti) once. A busy pool is not an outage: the token is then not decided here (BUSY), so no
     * flood can push the check onto one instance's memory while the database is up.
     *
     * @throws StoreUnavailableException when the database does not answer (the caller decides alone)
     */
    public Use use(String iss, String jti, Instant until) {
        if (!status.mayTry()) {
            throw status.unavailable(null);
        }
        try {
            insert(iss, jti, until);
            status.succeeded();
            return Use.FIRST;
        } catch (DuplicateKeyException replay) {
            status.succeeded();
            return Use.REPLAY;
        } catch (DataAccessException e) {
            if (StoreStatus.classify(e) == StoreStatus.Fault.BUSY) {
                return Use.BUSY;
            }
            status.failed(e);
            throw status.unavailable(e);
        }
    }

    /** True the first time (iss, jti) is presented anywhere; false for a replay and when busy. */
    public boolean firstUse(String iss, String jti, Instant until) {
        return use(iss, jti, until) == Use.FIRST;
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
