package org.hypomag.cds.analytics;

import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Adds up the rows of {@link AnalyticsQuery} into a {@link CardsReport}. Not thread-safe: one per request. */
final class CardFigures implements Consumer<AnalyticsQuery.Row> {

    static final String UNKNOWN_TYPE = "unknown";

    private final Map<String, Tally> types = new TreeMap<>();
    private final Map<String, long[]> weeks = new TreeMap<>();
    private final TreeSet<String> versions = new TreeSet<>();

    private static final class Tally {
        long issued;
        long accepted;
        long overridden;
        final Map<String, Long> reasons = new TreeMap<>();
        final Map<String, Long> regimens = new TreeMap<>();
    }

    @Override
    public void accept(AnalyticsQuery.Row row) {
        Tally t = types.computeIfAbsent(row.cardType() == null ? UNKNOWN_TYPE : row.cardType(), k -> new Tally());
        var day = row.issuedAt().atOffset(ZoneOffset.UTC);
        String week = String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        long[] w = weeks.computeIfAbsent(week, k -> new long[3]);
        t.issued++;
        w[0]++;
        if (row.knowledgeVersion() != null) {
            versions.add(row.knowledgeVersion());
        }
        if ("accepted".equals(row.outcome())) {
            t.accepted++;
            w[1]++;
            if (row.regimen() != null) {
                t.regimens.merge(row.regimen(), 1L, Long::sum);
            }
        } else if ("overridden".equals(row.outcome())) {
            t.overridden++;
            w[2]++;
            t.reasons.merge(reasonCode(row.overrideReason()), 1L, Long::sum);
        }
    }

    /** The stored reason is "system|code"; the report shows the code, or "none" when no reason was given. */
    static String reasonCode(String stored) {
        if (stored == null || stored.isBlank()) {
            return "none";
        }
        int bar = stored.lastIndexOf('|');
        return bar >= 0 ? stored.substring(bar + 1) : stored;
    }

    CardsReport report(AnalyticsRequest request) {
        List<CardsReport.CardType> cardTypes = new ArrayList<>();
        types.forEach((code, t) -> cardTypes.add(new CardsReport.CardType(code, t.issued, t.accepted, t.overridden,
                t.issued - t.accepted - t.overridden,
                t.issued == 0 ? null : Math.round(1000.0 * t.accepted / t.issued) / 1000.0,
                t.reasons.entrySet().stream().map(e -> new CardsReport.Reason(e.getKey(), e.getValue())).toList(),
                t.regimens.entrySet().stream().map(e -> new CardsReport.RegimenCount(e.getKey(), e.getValue()))
                        .toList())));
        List<CardsReport.Week> weekList = new ArrayList<>();
        weeks.forEach((week, w) -> weekList.add(new CardsReport.Week(week, w[0], w[1], w[2])));
        return new CardsReport(request.from().toString(), request.to().toString(),
                versions.isEmpty() ? null : String.join(",", versions), cardTypes, weekList);
    }
}
