package org.hypomag.cds.cards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.hypomag.cds.clinical.SourceRef;
import org.hypomag.cds.clinical.ValueComparator;

/**
 * Small text helpers for cards: number and date display, template filling and markdown escaping. Values are
 * rounded only here, for display (D1). Dates are shown in UTC.
 */
public final class Wording {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Wording() {
    }

    /** A number without trailing zeros or exponent ("2", "16.2", "0.31"). */
    static String num(BigDecimal value) {
        return value == null ? "?" : printable(value) ? value.stripTrailingZeros().toPlainString() : UNREADABLE;
    }

    /** Shown instead of a number too large or too long to print (never expanded, issue 12.1). */
    static final String UNREADABLE = "(unreadable number)";

    /** Whether a decimal may be printed in full: |exponent| <= 20 and <= 30 significant digits. */
    public static boolean printable(BigDecimal value) {
        if (value.scale() > 50 || value.scale() < -20) {
            return false;
        }
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        return stripped.precision() <= 30 && Math.abs(exponent) <= 20;
    }

    /**
     * A lab value for display (D1: round only for display): at most 2 decimals; the lab's own precision is kept
     * ("1.0" stays "1.0"). Serum Mg in mg/dL uses {@link #mg} instead.
     */
    static String lab(BigDecimal value) {
        if (value == null) {
            return "?";
        }
        if (!printable(value)) {
            return UNREADABLE;
        }
        return (value.scale() > 2 ? value.setScale(2, RoundingMode.HALF_UP) : value).toPlainString();
    }

    /**
     * Serum Mg in mg/dL for display: 1 decimal (D1: round only for display), except where rounding would put the
     * shown value on the other side of a grade boundary than the graded value (0.41 mmol/L = 0.9967 mg/dL is
     * severe: "1.0" would read moderate): then 2 decimals, rounded toward the graded value ("0.99").
     */
    static String mg(BigDecimal value, BigDecimal... boundaries) {
        if (value == null) {
            return "?";
        }
        if (!printable(value)) {
            return UNREADABLE;
        }
        BigDecimal shown = value.scale() > 1 ? value.setScale(1, RoundingMode.HALF_UP) : value;
        for (BigDecimal b : boundaries) {
            if (b != null && Integer.signum(value.compareTo(b)) != Integer.signum(shown.compareTo(b))) {
                shown = value.setScale(2, value.compareTo(b) < 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
                break;
            }
        }
        return shown.toPlainString();
    }

    static String mg(BigDecimal value, ValueComparator comparator, BigDecimal... boundaries) {
        return prefix(comparator) + mg(value, boundaries);
    }

    /** A weight for display: 1 decimal at most (issue 19 writing). */
    static String weight(BigDecimal kg) {
        return kg == null ? "?" : num(kg.scale() > 1 ? kg.setScale(1, RoundingMode.HALF_UP) : kg);
    }

    /** An eGFR for display: whole numbers, rounded down so the shown value never sits in a higher band (D6). */
    static String egfr(BigDecimal egfr) {
        return egfr == null ? "?" : !printable(egfr) ? UNREADABLE : egfr.setScale(0, RoundingMode.FLOOR).toPlainString();
    }

    static String lab(BigDecimal value, ValueComparator comparator) {
        return prefix(comparator) + lab(value);
    }

    private static String prefix(ValueComparator comparator) {
        return switch (comparator == null ? ValueComparator.EQUAL : comparator) {
            case LESS_THAN -> "<";
            case LESS_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_OR_EQUAL -> ">=";
            case EQUAL -> "";
        };
    }

    static String date(SourceRef source) {
        return source == null || source.time() == null ? "an unknown date" : DATE.format(source.time());
    }

    static String dateTime(SourceRef source) {
        return source == null || source.time() == null ? "an unknown time" : DATE_TIME.format(source.time());
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** "4 h", "90 min", "12 h". */
    static String duration(int minutes) {
        return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
    }

    static String range(BigDecimal low, BigDecimal high, String unit) {
        return low.compareTo(high) == 0 ? num(low) + " " + unit : num(low) + " to " + num(high) + " " + unit;
    }

    static String durationRange(int min, int max) {
        if (min == max) {
            return duration(min);
        }
        return min % 60 == 0 && max % 60 == 0 ? (min / 60) + " to " + duration(max)
                : min + " to " + max + " min";
    }

    static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /**
     * Fills {@code {name}} placeholders. Values are inserted as given (the caller escapes record-derived text
     * with {@link #md}); a placeholder without a value is a programming error, never left in a card.
     */
    static String fill(String template, Map<String, String> values) {
        // a hand scan with the same matches as the pattern \{([A-Za-z0-9]+)} (WordingFillProperties): it runs for
        // every text of every card, and a regex matcher with appendReplacement cost more than the filling
        StringBuilder out = new StringBuilder(template.length() + 64);
        int n = template.length();
        int copied = 0;
        int open = template.indexOf('{');
        while (open >= 0) {
            int end = open + 1;
            while (end < n && placeholderChar(template.charAt(end))) {
                end++;
            }
            if (end > open + 1 && end < n && template.charAt(end) == '}') {
                String key = template.substring(open + 1, end);
                String value = values.get(key);
                if (value == null) {
                    throw new IllegalStateException("no value for {" + key + "} in: " + template);
                }
                out.append(template, copied, open).append(value);
                copied = end + 1;
                open = template.indexOf('{', copied);
            } else {
                open = template.indexOf('{', open + 1);
            }
        }
        return out.append(template, copied, n).toString();
    }

    private static boolean placeholderChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** A map from alternating keys and values. */
    static Map<String, String> values(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * Escapes text that came from the record (medication names, lab text) so it cannot inject markdown or HTML:
     * markdown punctuation is backslash-escaped; {@code < > &} become entities, so no tag can ever form.
     */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> {
                    if ("\\`*_[]#|!{}".indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** Record-derived text for a plain-text field (summary, action description): no line breaks, trimmed. */
    static String plain(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").replace('<', '(').replace('>', ')').trim();
    }
}
