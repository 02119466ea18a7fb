package org.hypomag.cds.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one read: every card issued in the range (with the filters), joined with its latest feedback row
 * (latest outcome_at, then latest received_at; only the feedback of cards issued in the range is ranked),
 * streamed row by row so a long range needs no memory per card.
 * Selects no key column: no patient, encounter or user hash ever leaves the database through here.
 */
final class AnalyticsQuery {

    private static final String SQL = "SELECT i.card_type, i.knowledge_version, i.issued_at, f.outcome, "
            + "f.override_reason, f.regimen FROM issued_card i LEFT JOIN (SELECT card_uuid, outcome, "
            + "override_reason, regimen, ROW_NUMBER() OVER (PARTITION BY card_uuid ORDER BY outcome_at DESC, "
            + "received_at DESC, dedup_key DESC) AS rn FROM feedback WHERE card_uuid IN "
            + "(SELECT card_uuid FROM issued_card WHERE issued_at >= ? AND issued_at < ?)) f "
            + "ON f.card_uuid = i.card_uuid AND f.rn = 1 "
            + "WHERE i.issued_at >= ? AND i.issued_at < ?";

    private final JdbcClient jdbc;
    private final Runnable beforeRead;

    AnalyticsQuery(JdbcClient jdbc) {
        this(jdbc, () -> { });
    }

    /** @param beforeRead run before each read: the store's {@code issuedCardsFlush} (cards still waiting to be written) */
    AnalyticsQuery(JdbcClient jdbc, Runnable beforeRead) {
        this.jdbc = jdbc;
        this.beforeRead = beforeRead;
    }

    /** One issued card and its latest outcome (null outcome: no feedback). */
    record Row(String cardType, String knowledgeVersion, Instant issuedAt, String outcome, String overrideReason,
               String regimen) {
    }

    void read(AnalyticsRequest request, Consumer<Row> sink) {
        beforeRead.run();
        StringBuilder sql = new StringBuilder(SQL);
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // the feedback sub-query's range, then the outer one
            params.add(ts(request.fromInstant()));
            params.add(ts(request.toExclusive()));
        }
        if (request.service() != null) {
            sql.append(" AND i.service_id = ?");
            params.add(request.service());
        }
        if (request.cardType() != null) {
            sql.append(" AND i.card_type = ?");
            params.add(request.cardType());
        }
        if (request.indicator() != null) {
            sql.append(" AND i.indicator = ?");
            params.add(request.indicator());
        }
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            sink.accept(new Row(rs.getString(1), rs.getString(2),
                    rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                    rs.getString(6)));
        });
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
