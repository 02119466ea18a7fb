package org.hypomag.cds.clinical;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * D4/D18/D20 emergency conditions and D6 dialysis, matched by code (system + code) and by text. An emergency
 * condition counts (selects T-EMERG) only when it is active and either dated (onset, else recorded date) within
 * the last 72 hours or a diagnosis of the encounter in context (D18; an encounter diagnosis of another encounter
 * is history, D20). A chronic diagnosis (epilepsy, seizure disorder, D20) never counts, whatever its status or
 * date; an active emergency condition that does not count now is history (D18: shown, never T-EMERG).
 */
final class ConditionRule {

    private ConditionRule() {
    }

    /** The emergency conditions that count now (D4, D18, D20). */
    static List<EmergencyFinding> emergencies(PatientSnapshot s, Knowledge k, Instant now) {
        return matching(s, k, now, true);
    }

    /** D18: active emergency conditions from the list that do not count now (older, or of another encounter). */
    static List<EmergencyFinding> history(PatientSnapshot s, Knowledge k, Instant now) {
        return matching(s, k, now, false);
    }

    private static List<EmergencyFinding> matching(PatientSnapshot s, Knowledge k, Instant now, boolean current) {
        List<EmergencyFinding> out = new ArrayList<>();
        ConceptMatcher m = ConceptMatcher.of(k.conditions());
        for (ConditionEntry c : s.conditions()) {
            if (!c.active()) {
                continue;
            }
            String text = ConceptMatcher.text(c);
            if (chronic(c, text, m, k)
                    || current != counts(c, s.encounterId(), k.thresholds().emergencyOnsetWithin(), now)) {
                continue;
            }
            for (ConditionConcept concept : k.conditions().emergency()) {
                Optional<EmergencyFinding> f = m.match(c, text, concept);
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
        ConceptMatcher m = ConceptMatcher.of(k.conditions());
        for (ConditionEntry c : s.conditions()) {
            if (!(c.active() || c.encounterDiagnosis())) {
                continue;
            }
            String text = ConceptMatcher.text(c);
            for (ConditionConcept concept : k.conditions().dialysis()) {
                if (m.match(c, text, concept).isPresent()) {
                    out.add(c.source());
                    break;
                }
            }
        }
        return out;
    }

    /** D20: epilepsy / seizure disorder, by code or text: never an emergency. */
    static boolean chronic(ConditionEntry c, String text, ConceptMatcher m, Knowledge k) {
        for (ConditionConcept concept : k.conditions().chronic()) {
            if (m.match(c, text, concept).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** D18 (an active condition): a diagnosis of the current encounter, or dated within the window. */
    static boolean counts(ConditionEntry c, String encounterId, Duration onsetWithin, Instant now) {
        if (c.ofEncounter(encounterId)) {
            return true;
        }
        Instant t = c.source() == null ? null : c.source().time();
        return t != null && !t.isAfter(now) && Duration.between(t, now).compareTo(onsetWithin) <= 0;
    }

    /**
     * Whether an active condition that counts now (the emergency list's currency, {@link #counts}: D18) matches one
     * of {@code concepts}: the other indications for magnesium sulfate of issue 19 item 9.
     */
    static boolean anyCurrent(PatientSnapshot s, List<ConditionConcept> concepts, Knowledge k, Instant now) {
        ConceptMatcher m = ConceptMatcher.of(k.conditions());
        for (ConditionEntry c : s.conditions()) {
            if (c.active() && counts(c, s.encounterId(), k.thresholds().emergencyOnsetWithin(), now)) {
                String text = ConceptMatcher.text(c);
                if (concepts.stream().anyMatch(concept -> m.match(c, text, concept).isPresent())) {
                    return true;
                }
            }
        }
        return false;
    }
}
