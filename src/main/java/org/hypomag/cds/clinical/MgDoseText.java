package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads a magnesium dose and an infusion time from free text ("Magnesium sulfate 4 g (32.5 mEq) in D5W IV
 * over 24 h") when the structured dose or duration cannot be read (issue 19 item 16). Bounded: only the first
 * {@link #MAX_CHARS} characters are scanned, once, without regular expressions. Amounts followed by "/" are
 * concentrations or per-kg doses ("500 mg/mL", "25 mg/kg") and are not read as the dose.
 */
final class MgDoseText {

    static final int MAX_CHARS = 500;
    private static final int MAX_NUMBER_CHARS = 12;

    /** An amount with its unit (g, mg, meq, mmol) as written. */
    record Amount(BigDecimal value, String unit) {
    }

    private MgDoseText() {
    }

    /** The first mass amount (g or mg), else the first mEq or mmol amount; null when none. */
    static Amount dose(String text) {
        Amount equivalents = null;
        String t = lower(text);
        int i = 0;
        while (i < t.length()) {
            if (!digit(t.charAt(i)) || (i > 0 && glued(t.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = numberEnd(t, i);
            BigDecimal value = number(t, i, end);
            int u = skipSpaces(t, end);
            int unitEnd = u;
            while (unitEnd < t.length() && letter(t.charAt(unitEnd))) {
                unitEnd++;
            }
            String unit = t.substring(u, unitEnd);
            boolean per = unitEnd < t.length() && t.charAt(unitEnd) == '/';
            i = Math.max(end, unitEnd);
            if (value == null || value.signum() <= 0 || per) {
                continue;
            }
            switch (unit) {
                case "g", "gram", "grams", "gm" -> {
                    return new Amount(value, "g");
                }
                case "mg", "milligram", "milligrams" -> {
                    return new Amount(value, "mg");
                }
                case "meq" -> equivalents = equivalents == null ? new Amount(value, "meq") : equivalents;
                case "mmol" -> equivalents = equivalents == null ? new Amount(value, "mmol") : equivalents;
                default -> {
                    // mL, %, D5W ... not a dose
                }
            }
        }
        return equivalents;
    }

    /**
     * Minutes of "over N h|hr|hours|min|minutes" (the first one); for a range ("over 2-15 min", "over 4 to
     * 12 h") the shorter end, the one the infusion-time check must see. Null when none.
     */
    static BigDecimal durationMinutes(String text) {
        String t = lower(text);
        int from = 0;
        while (true) {
            int at = t.indexOf("over ", from);
            if (at < 0) {
                return null;
            }
            int n = skipSpaces(t, at + 5);
            from = at + 5;
            if (n >= t.length() || !digit(t.charAt(n))) {
                continue;
            }
            int end = numberEnd(t, n);
            BigDecimal value = number(t, n, end);
            int u = skipSpaces(t, end);
            if (u < t.length() && t.charAt(u) == '-') {
                u = skipSpaces(t, numberEnd(t, skipSpaces(t, u + 1)));
            } else if (t.startsWith("to ", u)) {
                u = skipSpaces(t, numberEnd(t, skipSpaces(t, u + 3)));
            }
            int unitEnd = u;
            while (unitEnd < t.length() && letter(t.charAt(unitEnd))) {
                unitEnd++;
            }
            String unit = t.substring(u, unitEnd);
            if (value == null || value.signum() <= 0) {
                continue;
            }
            switch (unit) {
                case "h", "hr", "hrs", "hour", "hours" -> {
                    return value.multiply(BigDecimal.valueOf(60));
                }
                case "min", "mins", "minute", "minutes" -> {
                    return value;
                }
                default -> {
                    // "over 30 kg", "over the day": not a duration
                }
            }
        }
    }

    /** A text amount in grams of MgSO4·7H2O: g, mg, mEq (meqPerGram), mmol (2 mEq per mmol). */
    static BigDecimal grams(Amount a, BigDecimal meqPerGram) {
        return switch (a.unit()) {
            case "g" -> a.value();
            case "mg" -> a.value().divide(BigDecimal.valueOf(1000), 4, java.math.RoundingMode.HALF_UP);
            case "meq" -> a.value().divide(meqPerGram, 3, java.math.RoundingMode.HALF_UP);
            case "mmol" -> a.value().multiply(BigDecimal.valueOf(2)).divide(meqPerGram, 3,
                    java.math.RoundingMode.HALF_UP);
            default -> null;
        };
    }

    private static String lower(String text) {
        String t = text == null ? "" : text;
        return (t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t).toLowerCase(Locale.ROOT);
    }

    private static int numberEnd(String t, int start) {
        int i = start;
        boolean dot = false;
        while (i < t.length() && i - start < MAX_NUMBER_CHARS) {
            char c = t.charAt(i);
            if (digit(c)) {
                i++;
            } else if (c == '.' && !dot && i + 1 < t.length() && digit(t.charAt(i + 1))) {
                dot = true;
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static BigDecimal number(String t, int start, int end) {
        if (end <= start) {
            return null;
        }
        try {
            return new BigDecimal(t.substring(start, end));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int skipSpaces(String t, int i) {
        int j = i;
        while (j < t.length() && t.charAt(j) == ' ') {
            j++;
        }
        return j;
    }

    /**
     * A digit right after a letter, digit, comma or point is not the start of an amount ("D5W", "B05XA05",
     * the "5" of "1,5 g" or "1,000 mg"): such text yields no dose rather than a wrong one.
     */
    private static boolean glued(char c) {
        return letter(c) || digit(c) || c == ',' || c == '.';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
