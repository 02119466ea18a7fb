package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule cases as data (src/test/resources/clinical-cases/, one file per rule family) and the coverage check:
 * every rule of the registry (knowledge/rules.yaml) whose cases are the assessment's must be claimed by a case
 * (order-entry rules: {@link OrderRuleCaseTest}). Ids under {@code rules:} must really be emitted by the assessment; ids under
 * {@code silent:} are rules the case exercises that decide by emitting nothing (a negative case).
 */
class RuleCaseTest {

    /** Rules that decide by emitting nothing (D12) or only an indicator (D13). */
    private static final Set<String> SILENT = Set.of("D12", "D13");

    static Stream<RuleCase> cases() {
        return RuleCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleCase(RuleCase c) {
        Assessment a = Assessor.assess(c.snapshot(), TestKnowledge.K, Snap.NOW);
        Map<String, Object> e = c.expect();
        Set<String> emitted = RuleCase.emitted(a);
        for (String rule : c.rules()) {
            if (!SILENT.contains(rule)) {
                assertThat(emitted).as("rule %s emitted by %s", rule, c).contains(rule);
            }
        }
        e.forEach((key, value) -> check(a, key, value));
    }

    private static void check(Assessment a, String key, Object v) {
        MgSulfateRegimen first = a.regimens().stream().filter(r -> r instanceof MgSulfateRegimen)
                .map(r -> (MgSulfateRegimen) r).findFirst().orElse(null);
        switch (key) {
            case "grade" -> assertThat(a.magnesium() == null ? "none" : a.magnesium().grade().name()).isEqualTo(v);
            case "indicator" -> assertThat(a.alertIndicator() == null ? "none" : a.alertIndicator().name())
                    .isEqualTo(v);
            case "regimens" -> assertThat(a.regimens()).extracting(Regimen::ruleId).isEqualTo(v);
            case "recommended" -> assertThat(a.regimens().stream().filter(Regimen::recommended)
                    .map(Regimen::ruleId).toList()).containsExactly((String) v);
            case "firstIvDoseGrams" -> assertThat(first.doseGrams()).isEqualByComparingTo(dec(v));
            case "firstIvDoseMeq" -> assertThat(first.doseMeq()).isEqualByComparingTo(dec(v));
            case "firstIvDurationMinutes" -> assertThat(first.durationMinutes()).isEqualTo(v);
            case "firstIvVolumeMl" -> assertThat(first.volumeMl()).isEqualTo(v);
            case "firstIvHoldNextDose" -> assertThat(first.holdNextDoseUntilMgResult()).isEqualTo(v);
            case "paediatricCapApplied" -> assertThat(first.paediatric().capApplied()).isEqualTo(v);
            case "oralMgPerDay" -> assertThat(a.regimens().stream().filter(r -> r instanceof OralRegimen)
                    .map(r -> ((OralRegimen) r).mgPerDay()).findFirst().orElseThrow()).isEqualByComparingTo(dec(v));
            case "renalBand" -> assertThat(a.renal().band().name()).isEqualTo(v);
            case "renalMethod" -> assertThat(a.renal().method().name()).isEqualTo(v);
            case "monitoring" -> assertThat(a.monitoring()).extracting(m -> m.kind().name()).isEqualTo(v);
            case "drugCauses" -> assertThat(a.drugCauses()).extracting(DrugCauseFinding::classId).isEqualTo(v);
            case "emergencies" -> assertThat(a.emergencies()).extracting(EmergencyFinding::conditionId).isEqualTo(v);
            case "couldNotCheck" -> assertThat(a.couldNotCheck()).extracting(CouldNotCheck::what).isEqualTo(v);
            case "notes" -> assertThat(a.notes()).extracting(Note::textKey).containsAll(strings(v));
            case "staleLow" -> assertThat(a.staleLow() != null).isEqualTo(v);
            case "hyper" -> assertThat(a.hyperMg() != null).isEqualTo(v);
            case "gap" -> assertThat(a.monitoringGap() != null).isEqualTo(v);
            case "gapMedications" -> assertThat(a.monitoringGap().medicationTexts()).isEqualTo(v);
            case "urgent" -> assertThat(a.urgentMg() != null).isEqualTo(v);
            case "d17DoseGrams" -> assertThat(((MgSulfateRegimen) a.persistentHypocalcaemia().regimens().get(0))
                    .doseGrams()).isEqualByComparingTo(dec(v));
            case "d17" -> assertThat(a.persistentHypocalcaemia() != null).isEqualTo(v);
            case "d17RepeatDays" -> assertThat(((MgSulfateRegimen) a.persistentHypocalcaemia().regimens().get(0)))
                    .satisfies(r -> assertThat(List.of(r.repeatDaysMin(), r.repeatDaysMax())).isEqualTo(v));
            case "d17RepeatText" -> assertThat(((MgSulfateRegimen) a.persistentHypocalcaemia().regimens().get(0))
                    .repeatTextKey()).isEqualTo(v);
            case "emergencyHistory" -> assertThat(a.emergencyHistory()).extracting(EmergencyFinding::conditionId)
                    .isEqualTo(v);
            case "emergencyLine" -> checkEmergencyLine(a.emergencyLine(), v);
            case "deceased" -> assertThat(a.deceased()).isEqualTo(v);
            case "noFindings" -> assertThat(a.magnesium() == null && a.regimens().isEmpty() && a.monitoring().isEmpty()
                    && a.couldNotCheck().isEmpty() && a.drugCauses().isEmpty() && a.monitoringGap() == null
                    && a.urgentMg() == null && a.staleLow() == null && a.hyperMg() == null).isEqualTo(v);
            case "renalEgfr" -> assertThat(a.renal().egfr()).isEqualByComparingTo(dec(v));
            case "renalEgfrNull" -> assertThat(a.renal().egfr() == null).isEqualTo(v);
            case "renalNotUsed" -> assertThat(a.renal().notUsed() == null ? "none"
                    : a.renal().notUsed().method().name()).isEqualTo(v);
            case "oralAdvice" -> assertThat(a.regimens().stream().filter(r -> r instanceof OralRegimen)
                    .map(r -> ((OralRegimen) r).adviceTextKeys()).findFirst().orElseThrow()).containsAll(strings(v));
            case "firstIvWarnings" -> assertThat(first.warningTextKeys()).isEqualTo(v);
            case "notesAbsent" -> assertThat(a.notes()).extracting(Note::textKey).doesNotContainAnyElementsOf(strings(v));
            default -> throw new IllegalArgumentException("unknown expectation " + key);
        }
    }

    /** The registry (knowledge/rules.yaml) says which rules need an assessment case: all but order entry's. */
    @Test
    void everyRuleIdHasACase() {
        Set<String> required = TestKnowledge.K.rules().rules().values().stream()
                .filter(r -> r.cases() == RuleRegistry.Cases.CLINICAL).map(RuleRegistry.Rule::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(required).hasSizeGreaterThan(30);
        Set<String> claimed = RuleCases.all().stream().flatMap(c -> c.allRules().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(required).as("rule ids without a case").allSatisfy(id -> assertThat(claimed).contains(id));
    }

    @Test
    void everyCaseFileCoversOneFamilyAndNamesItsRules() {
        assertThat(RuleCases.all()).allSatisfy(c -> assertThat(c.allRules()).as(c.toString()).isNotEmpty());
        assertThat(RuleCases.all().stream().map(RuleCase::file).distinct().count()).isGreaterThanOrEqualTo(8);
    }

    @SuppressWarnings("unchecked")
    private static void checkEmergencyLine(EmergencyLine line, Object v) {
        if (v == null || "none".equals(v)) {
            assertThat(line).isNull();
            return;
        }
        Map<String, Object> e = (Map<String, Object>) v;
        assertThat(line).isNotNull();
        e.forEach((key, value) -> {
            switch (key) {
                case "adult" -> assertThat(line.adultDose()).isEqualTo(value);
                case "child" -> assertThat(line.childDose()).isEqualTo(value);
                case "gramsLow" -> assertThat(line.gramsLow()).isEqualByComparingTo(dec(value));
                case "gramsHigh" -> assertThat(line.gramsHigh()).isEqualByComparingTo(dec(value));
                case "childMgLow" -> assertThat(line.childMgLow()).isEqualByComparingTo(dec(value));
                case "childMgHigh" -> assertThat(line.childMgHigh()).isEqualByComparingTo(dec(value));
                case "childMg" -> assertThat(line.childMgLow()).as("no weight, no mg").isNull();
                case "hyperMgText" -> assertThat(line.hyperMgTextKey() == null ? "none" : line.hyperMgTextKey())
                        .isEqualTo(value);
                default -> throw new IllegalArgumentException("unknown emergencyLine expectation " + key);
            }
        });
    }

    private static BigDecimal dec(Object o) {
        return new BigDecimal(RuleCase.str(o));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }
}
