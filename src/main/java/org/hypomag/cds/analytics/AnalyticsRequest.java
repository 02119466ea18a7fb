package org.hypomag.cds.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bounded query of {@code /analytics/cards.*}: {@code from} and {@code to} (YYYY-MM-DD, inclusive, UTC days,
 * from <= to, at most {@link #MAX_DAYS} days), and optional filters from closed sets: {@code service} (the three
 * hook services), {@code cardType} (a topic code: lower-case letters, digits and dashes, at most 64),
 * {@code indicator} (info, warning, critical).
 */
record AnalyticsRequest(LocalDate from, LocalDate to, String service, String cardType, String indicator) {

    static final int MAX_DAYS = 800;
    static final Set<String> SERVICES = Set.of("hypomagnesemia-patient-view", "hypomagnesemia-order-select",
            "hypomagnesemia-order-sign");
    static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
    private static final Pattern CARD_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Parses and bounds the query; throws {@link BadQuery} with a text safe to show. */
    static AnalyticsRequest parse(String from, String to, String service, String cardType, String indicator) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (t.isBefore(f)) {
            throw new BadQuery("'from' is after 'to'");
        }
        if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_DAYS) {
            throw new BadQuery("the range is longer than " + MAX_DAYS + " days");
        }
        if (service != null && !SERVICES.contains(service)) {
            throw new BadQuery("'service' is not one of this service's hook services");
        }
        if (cardType != null && !CARD_TYPE.matcher(cardType).matches()) {
            throw new BadQuery("'cardType' is not a card type code");
        }
        if (indicator != null && !INDICATORS.contains(indicator)) {
            throw new BadQuery("'indicator' is not info, warning or critical");
        }
        return new AnalyticsRequest(f, t, service, cardType, indicator);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.length() != 10) {
            throw new BadQuery("'" + name + "' must be a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw new BadQuery("'" + name + "' must be a date YYYY-MM-DD");
        }
    }

    Instant fromInstant() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant toExclusive() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A query the service does not answer (400). */
    static final class BadQuery extends RuntimeException {
        BadQuery(String message) {
            super(message, null, false, false);
        }
    }
}
