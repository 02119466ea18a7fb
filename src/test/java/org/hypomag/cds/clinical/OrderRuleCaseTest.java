package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hypomag.cds.clinical.OrderReview.MgOrderCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Rule cases as data for order entry and magnesium sources (src/test/resources/clinical-cases/orders/; issue 19
 * items 9, 10, 14, 16): the patient as in {@link RuleCase}, plus {@code drafts} (checked by
 * {@link OrderReviewer}) and {@code sources} (magnesium-containing medications with a dose and a resource type).
 */
class OrderRuleCaseTest {

    static Stream<RuleCase> cases() {
        List<RuleCase> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(OrderRuleCaseTest.class.getClassLoader()
                .getResource("clinical-cases/orders").toURI()))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    for (Object o : RuleCase.list(doc.get("cases"))) {
                        Map<String, Object> c = RuleCase.map(o);
                        out.add(new RuleCase(f.getFileName().toString(), (String) c.get("name"),
                                strings(c.getOrDefault("rules", List.of())), strings(c.getOrDefault("silent", List.of())),
                                c));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void orderCase(RuleCase c) {
        PatientSnapshot base = c.snapshot();
        List<MedicationUse> meds = new ArrayList<>(base.medications());
        int n = 0;
        for (Object o : RuleCase.list(c.data().get("sources"))) {
            Map<String, Object> m = RuleCase.map(o);
            String kind = (String) m.getOrDefault("kind", "MedicationRequest");
            meds.add(new MedicationUse(codes(m.get("codes")), (String) m.get("text"),
                    MedicationStatus.valueOf((String) m.getOrDefault("status", "ACTIVE")),
                    new SourceRef(kind + "/src" + (++n), Snap.NOW.minus(Snap.days(30))), (String) m.get("dose")));
        }
        List<DraftOrder> drafts = new ArrayList<>();
        for (Object o : RuleCase.list(c.data().get("drafts"))) {
            Map<String, Object> d = RuleCase.map(o);
            drafts.add(new DraftOrder("MedicationRequest", (String) d.get("id"), true, codes(d.get("codes")),
                    (String) d.get("text"), d.get("dose") == null ? null : new BigDecimal(RuleCase.str(d.get("dose"))),
                    (String) d.get("unit"), d.get("minutes") == null ? null
                    : new BigDecimal(RuleCase.str(d.get("minutes"))), (String) d.get("route"), MedicationStatus.DRAFT,
                    (String) d.get("dosageText")));
        }
        PatientSnapshot s = new PatientSnapshot(base.patientId(), base.birthDate(), base.sex(), base.labs(), meds,
                base.conditions(), drafts, base.unknown(), base.encounterId(), base.deceased());
        Assessment a = Assessor.assess(s, TestKnowledge.K, Snap.NOW);
        OrderReview review = OrderReviewer.review(s, a, TestKnowledge.K, Snap.NOW);
        MgOrderCheck check = review.mgOrders().isEmpty() ? null : review.mgOrders().get(0);
        c.expect().forEach((key, v) -> {
            switch (key) {
                case "silent" -> assertThat(review.isEmpty()).as(c.toString()).isEqualTo(v);
                case "problems" -> assertThat(check.problems()).extracting(Enum::name).as(c.toString()).isEqualTo(v);
                case "notes" -> assertThat(check.notes()).extracting(Enum::name).as(c.toString()).isEqualTo(v);
                case "doseGrams" -> assertThat(check.doseGrams()).isEqualByComparingTo(RuleCase.str(v));
                case "durationMinutes" -> assertThat(check.durationMinutes()).isEqualByComparingTo(RuleCase.str(v));
                case "minDurationMinutes" -> assertThat(check.minDurationMinutes()).isEqualTo(v);
                case "corrected" -> assertThat(check.corrected() != null).isEqualTo(v);
                case "correctedGrams" -> assertThat(check.corrected().doseGrams()).isEqualByComparingTo(RuleCase.str(v));
                case "hyper" -> assertThat(a.hyperMg() != null).isEqualTo(v);
                case "hyperSources" -> assertThat(a.hyperMg().mgSources()).extracting(MgSourceDrug::classId)
                        .as(c.toString()).isEqualTo(v);
                case "hyperSourceRequests" -> assertThat(a.hyperMg().mgSources()).extracting(MgSourceDrug::request)
                        .isEqualTo(v);
                case "hyperSourceDoses" -> assertThat(a.hyperMg().mgSources()).extracting(MgSourceDrug::dose)
                        .isEqualTo(v);
                default -> throw new IllegalArgumentException("unknown expectation " + key + " in " + c);
            }
        });
    }

    @Test
    void everyCaseNamesItsRules_andEveryIssue19OrderProblemHasACase() {
        List<RuleCase> all = cases().toList();
        assertThat(all).allSatisfy(c -> assertThat(c.allRules()).as(c.toString()).isNotEmpty());
        List<Object> problems = all.stream().flatMap(c -> RuleCase.list(c.expect().get("problems")).stream()).toList();
        List<Object> notes = all.stream().flatMap(c -> RuleCase.list(c.expect().get("notes")).stream()).toList();
        assertThat(problems).contains("NO_INDICATION", "DOSE_NOT_READABLE", "DURATION_MISSING", "INFUSION_TOO_FAST");
        assertThat(notes).contains("DOSE_FROM_TEXT", "DURATION_FROM_TEXT", "CODE_WRONG_SYSTEM");
        assertThat(all.stream().filter(c -> c.expect().containsKey("hyperSources")).count()).isGreaterThanOrEqualTo(3);
    }

    /** The registry's order-entry rules (cases: orders in knowledge/rules.yaml) each have an order case. */
    @Test
    void everyOrderEntryRuleHasACase() {
        List<String> required = TestKnowledge.K.rules().rules().values().stream()
                .filter(r -> r.cases() == RuleRegistry.Cases.ORDERS).map(RuleRegistry.Rule::id).toList();
        List<String> claimed = cases().flatMap(c -> c.allRules().stream()).distinct().toList();
        assertThat(required).isNotEmpty().allSatisfy(id -> assertThat(claimed).as("order case for %s", id)
                .contains(id));
    }

    private static List<Code> codes(Object raw) {
        List<Code> out = new ArrayList<>();
        for (Object o : RuleCase.list(raw)) {
            Map<String, Object> c = RuleCase.map(o);
            String system = switch ((String) c.get("system")) {
                case "rxnorm" -> Snap.RXNORM;
                case "atc" -> Snap.ATC;
                case "sct" -> Snap.SCT;
                default -> (String) c.get("system");
            };
            out.add(new Code(system, RuleCase.str(c.get("code")), null));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }
}
