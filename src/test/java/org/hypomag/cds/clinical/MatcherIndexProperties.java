package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 16: the indexed drug text fallback, the indexed lab code lists and the precompiled condition concepts
 * give exactly what the scans they replaced gave (the scans are kept here as oracles): same matches in the same
 * order with the same term reported, same analyte, same exclusion, same condition finding.
 */
class MatcherIndexProperties {

    private static final Knowledge K = TestKnowledge.K;
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final List<String> NOISE = List.of("20", "MG", "oral", "tablet", "-", "/", "(", ")", "  ",
            "İ", "ß", "Kelvin\u212a", "extended-release", "inj.", "x", "of", "history", "ventricular");

    // ---- drugs ----------------------------------------------------------------------------------------------

    @Property(tries = 3000, seed = "1601")
    void drugMatcher_sameAsTheScan_onTheShippedCatalog(@ForAll("medText") String text,
                                                        @ForAll("medCodes") List<Code> codes) {
        assertThat(new DrugMatcher(K.drugs()).match(codes, text))
                .isEqualTo(new LegacyDrugMatcher(K.drugs()).match(codes, text));
    }

    /** Random catalogs: overlapping multi-word terms, repeated terms and ids, terms without words. */
    @Property(tries = 1500, seed = "1602")
    void drugMatcher_sameAsTheScan_onGeneratedCatalogs(@ForAll("catalog") DrugCatalog catalog,
                                                        @ForAll("tinyText") String text,
                                                        @ForAll("tinyText") String display1,
                                                        @ForAll("tinyText") String display2) {
        List<Code> codes = List.of(new Code(RXNORM, "1", display1), new Code("x", "2", display2));
        assertThat(new DrugMatcher(catalog).match(codes, text))
                .isEqualTo(new LegacyDrugMatcher(catalog).match(codes, text));
    }

    @Provide
    Arbitrary<String> medText() {
        List<String> terms = K.drugs().classes().stream().flatMap(c -> c.ingredients().stream())
                .flatMap(i -> i.terms().stream()).toList();
        Arbitrary<String> term = Arbitraries.of(terms).flatMap(t -> Arbitraries.oneOf(Arbitraries.just(t),
                Arbitraries.just(t.toUpperCase()), Arbitraries.just(t.substring(0, Math.max(1, t.length() / 2))),
                Arbitraries.just(t.replace(' ', '-')), Arbitraries.just(t + "s"), Arbitraries.just("x" + t)));
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, term), net.jqwik.api.Tuple.of(2, Arbitraries.of(NOISE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("aZ09 -/()İıß").ofMaxLength(8)));
        Arbitrary<String> sep = Arbitraries.of(" ", "", "-", " / ", ", ", "+");
        return Combinators.combine(piece.list().ofMaxSize(5), sep).as((p, s) -> String.join(s, p))
                .injectNull(0.05);
    }

    @Provide
    Arbitrary<List<Code>> medCodes() {
        List<Code> known = new ArrayList<>();
        for (DrugClass c : K.drugs().classes()) {
            known.addAll(c.atc());
            c.ingredients().forEach(i -> known.addAll(i.codes()));
        }
        K.drugs().products().forEach(p -> known.add(p.product()));
        Arbitrary<String> display = medText();
        Arbitrary<Code> code = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(known), display).as((c, d) -> new Code(c.system(), c.code(), d)),
                Combinators.combine(Arbitraries.of(known), Arbitraries.of(RXNORM, "", "http://snomed.info/sct"))
                        .as((c, sys) -> new Code(sys, c.code(), null)),
                Combinators.combine(Arbitraries.of("999999", "12", "A12CC05", "B05XA05"), display)
                        .as((c, d) -> new Code(RXNORM, c, d)));
        return code.list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> tinyText() {
        return Arbitraries.of("a", "b", "c", "a b", "b c", "a-b", "A B C", "b a", " ", "", "ab", "c-a b")
                .list().ofMaxSize(4).map(l -> String.join(" ", l)).injectNull(0.1);
    }

    @Provide
    Arbitrary<DrugCatalog> catalog() {
        Arbitrary<String> term = Arbitraries.of("a", "b", "c", "a b", "b c", "a-b", "B", " ", "", "-", "a b c",
                "c a");
        Arbitrary<DrugClass.Ingredient> ing = term.list().ofMaxSize(3)
                .map(t -> new DrugClass.Ingredient("i", List.of(), t));
        Arbitrary<DrugClass> cls = Combinators.combine(Arbitraries.of("k1", "k2", "k3", "k4"),
                        Arbitraries.of(DrugRole.values()), ing.list().ofMaxSize(3))
                .as((id, role, ings) -> new DrugClass(id, id, role, false, "e", null, null, ings, List.of(), "r"));
        return cls.list().ofMaxSize(5).map(classes -> new DrugCatalog("gen", classes, List.of(),
                K.drugs().exposure()));
    }

    // ---- lab codes ------------------------------------------------------------------------------------------

    @Property(tries = 2000, seed = "1603")
    void labCodes_sameAsTheScan(@ForAll("labCodes") LabCodes codes, @ForAll("labCoding") Code coding) {
        assertThat(codes.classify(coding)).isEqualTo(scanClassify(codes, coding));
        assertThat(codes.isExcluded(coding)).isEqualTo(scanExcluded(codes, coding));
        assertThat(K.labCodes().classify(coding)).isEqualTo(scanClassify(K.labCodes(), coding));
        assertThat(K.labCodes().isExcluded(coding)).isEqualTo(scanExcluded(K.labCodes(), coding));
    }

    @Provide
    Arbitrary<Code> labCoding() {
        List<Code> known = new ArrayList<>(K.labCodes().excluded());
        K.labCodes().analytes().values().forEach(known::addAll);
        Arbitrary<String> sys = Arbitraries.of("http://loinc.org", "s1", "s2", "", "http://snomed.info/sct");
        Arbitrary<String> code = Arbitraries.of("1", "2", "3", "19123-9", "");
        return Arbitraries.oneOf(Arbitraries.of(known).map(c -> new Code(c.system(), c.code(), "d")),
                Combinators.combine(sys, code).as((s, c) -> new Code(s, c, null)),
                Combinators.combine(sys, Arbitraries.of(known)).as((s, c) -> new Code(s, c.code(), null)));
    }

    @Provide
    Arbitrary<LabCodes> labCodes() {
        Arbitrary<Code> code = Combinators.combine(Arbitraries.of("s1", "s2", ""), Arbitraries.of("1", "2", "3"))
                .as((s, c) -> new Code(s, c, null));
        Arbitrary<Map<Analyte, List<Code>>> analytes = Arbitraries.maps(Arbitraries.of(Analyte.values()),
                code.list().ofMaxSize(3)).ofMaxSize(4).map(m -> m.isEmpty() ? Map.of() : new EnumMap<>(m));
        return Combinators.combine(analytes, code.list().ofMaxSize(2))
                .as((a, x) -> new LabCodes("gen", a, x));
    }

    private static Optional<Analyte> scanClassify(LabCodes codes, Code coding) {
        if (scanExcluded(codes, coding)) {
            return Optional.empty();
        }
        for (Map.Entry<Analyte, List<Code>> e : codes.analytes().entrySet()) {
            for (Code c : e.getValue()) {
                if (c.is(coding.system(), coding.code())) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean scanExcluded(LabCodes codes, Code coding) {
        return codes.excluded().stream().anyMatch(c -> c.is(coding.system(), coding.code()));
    }

    // ---- conditions -----------------------------------------------------------------------------------------

    @Property(tries = 3000, seed = "1604")
    void conditionConcepts_sameAsTheScan(@ForAll("condition") ConditionEntry c) {
        ConditionCatalog cat = K.conditions();
        String text = ConceptMatcher.text(c);
        Stream.of(cat.emergency(), cat.dialysis(), cat.chronic(), cat.mgIndications()).flatMap(List::stream)
                .forEach(concept -> assertThat(ConceptMatcher.of(cat).match(c, text, concept))
                        .as(concept.id()).isEqualTo(scanMatch(c, concept)));
    }

    @Provide
    Arbitrary<ConditionEntry> condition() {
        ConditionCatalog cat = K.conditions();
        List<ConditionConcept> all = Stream.of(cat.emergency(), cat.dialysis(), cat.chronic(), cat.mgIndications())
                .flatMap(List::stream).toList();
        List<String> words = new ArrayList<>(NOISE);
        all.forEach(x -> {
            words.addAll(x.terms());
            words.addAll(x.excludeTerms());
        });
        Arbitrary<String> text = Combinators.combine(Arbitraries.of(words).list().ofMaxSize(4),
                Arbitraries.of(" ", "-", ", ", "")).as((l, s) -> String.join(s, l)).injectNull(0.05);
        List<Code> known = all.stream().flatMap(x -> x.codes().stream()).toList();
        Arbitrary<Code> code = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(known), text).as((k, d) -> new Code(k.system(), k.code(), d)),
                Combinators.combine(Arbitraries.of(known), text).as((k, d) -> new Code("x", k.code(), d)),
                text.map(d -> new Code("http://snomed.info/sct", "1", d)));
        return Combinators.combine(code.list().ofMaxSize(3), text).as((codes, t) -> new ConditionEntry(codes, t,
                true, false, new SourceRef("Condition/c", java.time.Instant.EPOCH.plus(Duration.ofDays(1)))));
    }

    /** ConditionRule.match as it was before issue 16. */
    private static Optional<EmergencyFinding> scanMatch(ConditionEntry c, ConditionConcept concept) {
        for (Code code : c.codes()) {
            for (Code known : concept.codes()) {
                if (known.is(code.system(), code.code())) {
                    return Optional.of(new EmergencyFinding(RuleId.D4.id(), concept.id(), concept.label(), code, null,
                            c.source(), c.onsetKnown()));
                }
            }
        }
        StringBuilder text = new StringBuilder(c.text());
        c.codes().forEach(code -> text.append(' ').append(code.display() == null ? "" : code.display()));
        String normalised = DrugMatcher.normalise(text.toString());
        boolean excluded = concept.excludeTerms().stream().anyMatch(x -> DrugMatcher.containsWord(normalised, x));
        if (!excluded && concept.terms().stream().anyMatch(term -> DrugMatcher.containsWord(normalised, term))) {
            return Optional.of(new EmergencyFinding(RuleId.D4.id(), concept.id(), concept.label(), null, c.text(),
                    c.source(), c.onsetKnown()));
        }
        return Optional.empty();
    }
}
