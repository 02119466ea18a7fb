package org.hypomag.cds.fhir;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The common shape of a FHIR dateTime/instant, {@code YYYY-MM-DDThh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)}, read
 * without {@code DateTimeFormatter} (which was a third of the snapshot mapping's time under load). Anything
 * else, or any value out of range, gives null and the caller falls back to the full parsers.
 */
final class FhirDateTimes {

    private FhirDateTimes() {
    }

    static Instant parseCommon(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(s, start, count);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (i != n - 6 || s.charAt(i + 3) != ':' || (s.charAt(i) != '+' && s.charAt(i) != '-')) {
            return null;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int sign = s.charAt(i) == '-' ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
