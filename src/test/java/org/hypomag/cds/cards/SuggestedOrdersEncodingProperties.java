package org.hypomag.cds.cards;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.IvRow;
import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.MonitoringKind;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.PaediatricDose;

/**
 * Generated doses, durations, repeats, caps and strings: the writer of {@link SuggestedOrders} writes what HAPI's
 * parser writes ({@link HapiSuggestedOrders}). Strings leave out '#' only: HAPI's own assertion
 * (FhirTerser.referenceMatchesAContainedResource, with -ea) fails on some references to "#..." ids; the
 * service only takes patient ids of FHIR's id grammar.
 */
class SuggestedOrdersEncodingProperties {

    private static final SuggestedOrdersEncodingTest.Pair PAIR = SuggestedOrdersEncodingTest.pair(Fixtures.CARDS);
    private static final IvRow ROW = Fixtures.KNOWLEDGE.doses().row("T-HOSP-IV-MOD");

    @Property(tries = 1000)
    void ivOrders_areWrittenAsHapiWritesThem(@ForAll("regimens") MgSulfateRegimen r, @ForAll("strings") String patient,
                                             @ForAll("strings") String reason, @ForAll("strings") String id) {
        SuggestedOrdersEncodingTest.assertSame(PAIR.hapi().iv(patient, r, reason, id),
                PAIR.ours().ivOrder(patient, r, reason, id).json());
    }

    @Property(tries = 500)
    void labOrders_areWrittenAsHapiWritesThem(@ForAll("strings") String patient, @ForAll("strings") String reason,
                                              @ForAll("strings") String system, @ForAll("strings") String code,
                                              @ForAll("strings") String display, @ForAll MonitoringKind kind) {
        MonitoringOrder o = new MonitoringOrder("D8", kind, new Code(system, code.isBlank() ? "c" : code, display),
                display, 6, 12, null);
        SuggestedOrdersEncodingTest.assertSame(PAIR.hapi().lab(patient, o, reason),
                PAIR.ours().labOrder(patient, o, reason).json());
    }

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("aZ09-./\"\\ \t\n_:é\u0000\u2028").ofMaxLength(12),
                Arbitraries.of("p1", "x/_history/2", "urn:uuid:1", "a/b/c", "urn:a/_history/1", "http://h/P/1/_history/2"))
                .filter(s -> !s.contains("#"));
    }

    @Provide
    Arbitrary<MgSulfateRegimen> regimens() {
        Arbitrary<BigDecimal> dose = Combinators.combine(Arbitraries.longs().between(1, 9_999_999),
                Arbitraries.integers().between(-3, 7)).as(BigDecimal::valueOf);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(1, 2880);
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 7);
        Arbitrary<BigDecimal> cap = Arbitraries.oneOf(Arbitraries.just(null), dose);
        return Combinators.combine(dose, minutes, days, cap).as((g, m, d, c) -> new MgSulfateRegimen(ROW.ruleId(),
                List.of(ROW.ruleId()), ROW.labelKey(), true, false, g, Fixtures.meq(g), g, g, Fixtures.meq(g),
                Fixtures.meq(g), ROW.diluent(), List.of(), ROW.volumeMl(), 1, 2880, m, "IV",
                c == null ? null : new PaediatricDose(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                        null, c, false), null, false, ROW.repeatTextKey(), ROW.recheckTextKey(), List.of(),
                d == 0 ? null : d, d == 0 ? null : d + 2));
    }
}
