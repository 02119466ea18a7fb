package org.hypomag.cds.clinical;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * D4/D14 emergency conditions and D6 dialysis, matched by code (system + code) and by text. A condition counts
 * when active, an encounter diagnosis, or with onset (source time) within 72 hours.
 */
final class ConditionRule {

    private ConditionRule() {
    }

    static List<EmergencyFinding> emergencies(PatientSnapshot s, Knowledge k, Instant now) {
        List<EmergencyFinding> out = new ArrayList<>();
        for (ConditionEntry c : s.conditions()) {
            if (!counts(c, k.thresholds().emergencyOnsetWithin(), now)) {
                continue;
            }
            for (ConditionConcept concept : k.conditions().emergency()) {
                Optional<EmergencyFinding> f = match(c, concept);
                if (f.isPresent()) {
                    out.add(f.get());
                    break;
                }
            }
        }
        return out;
    }

    /** Active dialysis conditions (their sources); empty when none. */
    static List<SourceRef> dialysis(PatientSnapshot s, Knowledge k) {
        List<SourceRef> out = new ArrayList<>();
        for (ConditionEntry c : s.conditions()) {
            if (!(c.active() || c.encounterDiagnosis())) {
                continue;
            }
            for (ConditionConcept concept : k.conditions().dialysis()) {
                if (match(c, concept).isPresent()) {
                    out.add(c.source());
                    break;
                }
            }
        }
        return out;
    }

    static boolean counts(ConditionEntry c, Duration onsetWithin, Instant now) {
        if (c.active() || c.encounterDiagnosis()) {
            return true;
        }
        Instant t = c.source() == null ? null : c.source().time();
        return t != null && !t.isAfter(now) && Duration.between(t, now).compareTo(onsetWithin) <= 0;
    }

    static Optional<EmergencyFinding> match(ConditionEntry c, ConditionConcept concept) {
        for (Code code : c.codes()) {
            for (Code known : concept.codes()) {
                if (known.is(code.system(), code.code())) {
                    return Optional.of(new EmergencyFinding("D4", concept.id(), concept.label(), code, null,
                            c.source()));
                }
            }
        }
        StringBuilder text = new StringBuilder(c.text());
        c.codes().forEach(code -> text.append(' ').append(code.display() == null ? "" : code.display()));
        String normalised = DrugMatcher.normalise(text.toString());
        boolean excluded = concept.excludeTerms().stream().anyMatch(x -> DrugMatcher.containsWord(normalised, x));
        if (!excluded && concept.terms().stream().anyMatch(term -> DrugMatcher.containsWord(normalised, term))) {
            return Optional.of(new EmergencyFinding("D4", concept.id(), concept.label(), null, c.text(),
                    c.source()));
        }
        return Optional.empty();
    }

    /**
     * Whether a condition that counts now (the emergency list's currency, {@link #counts}: D14/D18) matches one
     * of {@code concepts}: the other indications for magnesium sulfate of issue 19 item 9.
     */
    static boolean anyCurrent(PatientSnapshot s, List<ConditionConcept> concepts, Knowledge k, Instant now) {
        for (ConditionEntry c : s.conditions()) {
            if (counts(c, k.thresholds().emergencyOnsetWithin(), now)
                    && concepts.stream().anyMatch(concept -> match(c, concept).isPresent())) {
                return true;
            }
        }
        return false;
    }
}
