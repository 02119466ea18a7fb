package org.hypomag.cds.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The {@link CardStore} the service uses: the database, and when it does not answer, the bounded
 * {@link Spool} for writes (written in order once it is back) and nothing for reads (order-sign then shows a
 * card again: the safe side). Never throws a database fault to the caller.
 */
final class SpooledCardStore implements CardStore {

    private static final Logger log = LoggerFactory.getLogger(SpooledCardStore.class);

    private final JdbcCardStore db;
    private final StoreStatus status;
    private final Spool spool;

    SpooledCardStore(JdbcCardStore db, StoreStatus status, Spool spool) {
        this.db = db;
        this.status = status;
        this.spool = spool;
    }

    @Override
    public void recordIssued(List<IssuedCard> cards) {
        write(() -> db.recordIssued(cards));
    }

    /**
     * The cards of several hook calls in one statement (one transaction). If that fails, each call goes the way
     * of {@link #recordIssued} in order: on an outage to the spool (as single writes), on a refusal each call is
     * tried alone, so only the refused call is lost.
     */
    void recordBatch(List<List<IssuedCard>> calls) {
        if (calls.size() > 1 && status.mayTry() && spool.size() == 0) {
            try {
                db.recordIssued(calls.stream().flatMap(List::stream).toList());
                status.succeeded();
                return;
            } catch (DataAccessException e) {
                if (StoreStatus.classify(e) == StoreStatus.Fault.OUTAGE) {
                    status.failed(e);
                }
            }
        }
        calls.forEach(this::recordIssued);
    }

    @Override
    public void saveFeedback(FeedbackOutcome outcome, LedgerEntry issued) {
        write(() -> db.saveFeedback(outcome, issued));
    }

    @Override
    public List<LedgerEntry> issuedIn(String scope, Instant since) {
        return read(() -> db.issuedIn(scope, since), List.of());
    }

    @Override
    public Optional<LedgerEntry> find(String cardUuid, Instant since) {
        return read(() -> db.find(cardUuid, since), Optional.empty());
    }

    @Override
    public List<FeedbackOutcome> feedbackFor(Collection<String> cardUuids) {
        return read(() -> db.feedbackFor(cardUuids), List.of());
    }

    @Override
    public long feedbackCount() {
        return db.feedbackCount();
    }

    private void write(Spool.Write w) {
        if (status.mayTry() && spool.size() == 0) {
            try {
                w.run();
                status.succeeded();
                return;
            } catch (DataAccessException e) {
                StoreStatus.Fault fault = StoreStatus.classify(e);
                if (fault == StoreStatus.Fault.REFUSED) {
                    log.error("Store refused a write ({}); not retried", e.getClass().getSimpleName());
                    return;
                }
                if (fault == StoreStatus.Fault.OUTAGE) {
                    status.failed(e);
                }
            }
        }
        if (!spool.add(w)) {
            log.warn("Store spool full: a write was dropped ({} dropped so far)", spool.dropped());
        }
    }

    private <T> T read(Supplier<T> query, T otherwise) {
        if (!status.mayTry()) {
            return otherwise;
        }
        try {
            T t = query.get();
            status.succeeded();
            return t;
        } catch (DataAccessException e) {
            if (StoreStatus.classify(e) == StoreStatus.Fault.OUTAGE) {
                status.failed(e);
            }
            return otherwise;
        }
    }

    /** Writes what waits, in order, while the database answers. */
    @Scheduled(fixedDelayString = "${cds.store.drain-interval:500ms}")
    void drain() {
        Spool.Write w;
        while ((w = spool.peek()) != null && status.mayTry()) {
            try {
                w.run();
                spool.done(w);
                status.succeeded();
            } catch (DataAccessException e) {
                StoreStatus.Fault fault = StoreStatus.classify(e);
                if (fault == StoreStatus.Fault.REFUSED) {
                    log.error("Store refused a spooled write ({}); dropped", e.getClass().getSimpleName());
                    spool.done(w);
                    continue;
                }
                if (fault == StoreStatus.Fault.OUTAGE) {
                    status.failed(e);
                }
                return;
            }
        }
    }
}
