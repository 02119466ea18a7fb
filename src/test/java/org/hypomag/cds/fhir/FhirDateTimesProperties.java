package org.hypomag.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast dateTime reader agrees with {@link OffsetDateTime#parse} wherever it answers. */
class FhirDateTimesProperties {

    @Property(tries = 3000)
    void agreesWithTheJdkOnWellFormedDateTimes(@ForAll("dateTimes") String s) {
        Instant jdk = jdk(s);
        Instant fast = FhirDateTimes.parseCommon(s);
        if (fast != null) {
            assertThat(fast).isEqualTo(jdk);
        }
        assertThat(FhirValues.instant(s)).isEqualTo(jdk);
    }

    @Property(tries = 3000)
    void neverAnswersWhatTheJdkRejects(@ForAll("mangled") String s) {
        Instant fast = FhirDateTimes.parseCommon(s);
        if (fast != null) {
            assertThat(fast).isEqualTo(jdk(s));
        }
    }

    @Test
    void knownValues() {
        assertThat(FhirDateTimes.parseCommon("2026-11-20T08:00:00Z")).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(FhirDateTimes.parseCommon("2026-11-20T08:00:00.5+03:30"))
                .isEqualTo(Instant.parse("2026-11-20T04:30:00.500Z"));
        assertThat(FhirDateTimes.parseCommon("2026-02-30T08:00:00Z")).isNull();
        assertThat(FhirDateTimes.parseCommon("2026-11-20T24:00:00Z")).isNull();
        assertThat(FhirDateTimes.parseCommon("2026-11-20T08:00:00")).isNull();
        assertThat(FhirDateTimes.parseCommon("2026-11-20")).isNull();
        assertThat(FhirValues.instant("2026-11-20")).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(FhirValues.instant("2026-11-20T08:00:00")).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(FhirValues.instant("2026-13-20T08:00:00Z")).isNull();
    }

    private static Instant jdk(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<String> dateTimes() {
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(1900, 2100),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 31))
                .as((y, m, d) -> "%04d-%02d-%02d".formatted(y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59))
                .as((h, m, s) -> "T%02d:%02d:%02d".formatted(h, m, s));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(f -> "." + f));
        Arbitrary<String> zone = Arbitraries.oneOf(Arbitraries.just("Z"),
                Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 14),
                        Arbitraries.of(0, 15, 30, 45)).as((sign, h, m) -> "%s%02d:%02d".formatted(sign, h, m)));
        return Combinators.combine(date, time, fraction, zone).as((d, t, f, z) -> d + t + f + z);
    }

    @Provide
    Arbitrary<String> mangled() {
        return dateTimes().flatMap(s -> Combinators.combine(Arbitraries.integers().between(0, s.length() - 1),
                Arbitraries.chars().with("0123456789:-+TZ.x ")).as((at, c) -> s.substring(0, at) + c
                + s.substring(at + 1)));
    }
}
