package org.hypomag.cds.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of issued cards and feedback (tables in db/migration/V1, V2). Throws Spring's DataAccessException on
 * a database fault; {@link SpooledCardStore} turns that into a fallback. One statement per call of each method.
 */
final class JdbcCardStore implements CardStore {

    private static final String ISSUED_COLUMNS = "card_uuid, service_id, hook, card_type, indicator, "
            + "knowledge_version, owner_key, fingerprint, orders, issued_at, patient_key, encounter_key, user_key";

    private final JdbcClient jdbc;
    private final IdKeys keys;
    private final String instance;
    private final boolean keepComments;

    JdbcCardStore(JdbcClient jdbc, IdKeys keys, String instance, boolean keepComments) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.instance = instance;
        this.keepComments = keepComments;
    }

    @Override
    public void recordIssued(List<IssuedCard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO issued_card (card_uuid, service_id, hook, card_type, "
                + "indicator, knowledge_version, instance_id, owner_key, patient_key, encounter_key, user_key, "
                + "issued_at, scope_key, fingerprint, orders) VALUES ");
        List<Object> params = new ArrayList<>();
        for (IssuedCard c : cards) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(c.cardUuid(), c.serviceId(), c.hook(), c.cardType(), c.indicator(),
                    c.knowledgeVersion(), instance, c.owner(), keys.of(c.patientId()), keys.of(c.encounterId()),
                    keys.of(c.userId()), ts(c.issuedAt()), keys.of(c.scope()), c.fingerprint(), Codec.orders(c.orders())));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    @Override
    public List<LedgerEntry> issuedIn(String scope, Instant since) {
        return jdbc.sql("SELECT " + ISSUED_COLUMNS + " FROM issued_card WHERE scope_key = ? AND issued_at >= ? "
                        + "ORDER BY issued_at").params(keys.of(scope), ts(since)).query(JdbcCardStore::entry).list();
    }

    @Override
    public Optional<LedgerEntry> find(String cardUuid, Instant since) {
        return jdbc.sql("SELECT " + ISSUED_COLUMNS + " FROM issued_card WHERE card_uuid = ? AND issued_at >= ?")
                .params(cardUuid, ts(since)).query(JdbcCardStore::entry).optional();
    }

    @Override
    public void saveFeedback(FeedbackOutcome f, LedgerEntry issued) {
        Optional<LedgerEntry> card = Optional.ofNullable(issued);
        String first = f.acceptedSuggestions().isEmpty() ? null : f.acceptedSuggestions().get(0);
        try {
            jdbc.sql("INSERT INTO feedback (dedup_key, card_uuid, service_id, owner_key, outcome, override_reason, "
                    + "comment_present, comment_text, accepted_suggestion, accepted_suggestions, regimen, outcome_at, "
                    + "received_at, instance_id, hook, card_type, indicator, knowledge_version, patient_key, "
                    + "encounter_key, user_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(dedupKey(f), f.cardUuid(), f.serviceId(), f.owner(), f.accepted() ? "accepted" : "overridden",
                            f.overrideReason(), f.comment() != null && !f.comment().isBlank(),
                            keepComments ? f.comment() : null, first, Codec.list(f.acceptedSuggestions()),
                            card.map(c -> c.regimenOf(first)).orElse(null), ts(f.outcomeAt()), ts(f.receivedAt()),
                            instance, card.map(LedgerEntry::hook).orElse(null),
                            card.map(LedgerEntry::cardType).orElse(null), card.map(LedgerEntry::indicator).orElse(null),
                            card.map(LedgerEntry::knowledgeVersion).orElse(null),
                            card.map(LedgerEntry::patientKey).orElse(null), card.map(LedgerEntry::encounterKey).orElse(null),
                            card.map(LedgerEntry::userKey).orElse(null))
                    .update();
        } catch (DuplicateKeyException resent) {
            // the same outcome sent again: kept once
        }
    }

    @Override
    public List<FeedbackOutcome> feedbackFor(Collection<String> cardUuids) {
        if (cardUuids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT service_id, card_uuid, owner_key, outcome, accepted_suggestions, override_reason, "
                        + "comment_text, outcome_at, received_at FROM feedback WHERE card_uuid IN (:cards) "
                        + "ORDER BY received_at, outcome_at").param("cards", List.copyOf(cardUuids))
                .query((rs, n) -> new FeedbackOutcome(rs.getString(1), rs.getString(2), rs.getString(3),
                        "accepted".equals(rs.getString(4)), Codec.list(rs.getString(5)), rs.getString(6),
                        rs.getString(7), instant(rs, 8), instant(rs, 9)))
                .list();
    }

    @Override
    public long feedbackCount() {
        return jdbc.sql("SELECT COUNT(*) FROM feedback").query(Long.class).single();
    }

    private static LedgerEntry entry(ResultSet rs, int n) throws SQLException {
        return new LedgerEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), Codec.orders(rs.getString(9)), instant(rs, 10),
                rs.getString(11), rs.getString(12), rs.getString(13));
    }

    /** What makes two outcomes the same (a re-sent one is stored once): a hash, the table's primary key. */
    static String dedupKey(FeedbackOutcome f) {
        String s = String.join("\n", f.serviceId(), f.cardUuid(), f.owner(), String.valueOf(f.accepted()),
                Codec.list(f.acceptedSuggestions()), f.outcomeAt().toString());
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
