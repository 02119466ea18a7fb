package org.hypomag.cds.analytics;

import java.util.stream.Collectors;

/**
 * The CSV of a {@link CardsReport}: a header row, then one row per card type. Override reasons and regimens are
 * "code:count" pairs joined by ';' in one quoted cell. Codes are [a-z0-9-]-like; any quote is doubled anyway.
 */
final class CardsCsv {

    static final String HEADER = "from,to,knowledgeVersion,cardType,issued,accepted,overridden,noFeedback,"
            + "acceptanceRate,overrideReasons,regimens";

    private CardsCsv() {
    }

    static String write(CardsReport report) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (CardsReport.CardType t : report.cardTypes()) {
            out.append(report.from()).append(',').append(report.to()).append(',')
                    .append(cell(report.knowledgeVersion())).append(',').append(cell(t.code())).append(',')
                    .append(t.issued()).append(',').append(t.accepted()).append(',').append(t.overridden())
                    .append(',').append(t.noFeedback()).append(',')
                    .append(t.acceptanceRate() == null ? "" : t.acceptanceRate()).append(',')
                    .append(cell(t.overrideReasons().stream().map(r -> r.code() + ":" + r.count())
                            .collect(Collectors.joining(";")))).append(',')
                    .append(cell(t.regimens().stream().map(r -> r.regimen() + ":" + r.count())
                            .collect(Collectors.joining(";")))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.startsWith("=") || value.startsWith("+") || value.startsWith("-")
                || value.startsWith("@") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
