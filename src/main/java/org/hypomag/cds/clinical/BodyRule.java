package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/** Age (completed years, UTC date of "now"), child flag (D7), current weight and height (D6, D7, D14). */
final class BodyRule {

    /** A weight under 0.5 kg is not plausible for dosing and is ignored (no dose rather than a wrong one). */
    private static final BigDecimal MIN_WEIGHT_KG = new BigDecimal("0.5");

    private BodyRule() {
    }

    static BodyFacts apply(PatientSnapshot s, Knowledge k, Instant now) {
        Thresholds t = k.thresholds();
        Integer age = ageYears(s.birthDate(), now);
        boolean child = age != null && age < t.childAgeBelowYears();
        Optional<LabResult> weight = Labs.current(s, k, Analyte.WEIGHT, t.weightCurrent(), now)
                .filter(w -> w.comparator() == ValueComparator.EQUAL && w.value().compareTo(MIN_WEIGHT_KG) >= 0);
        Optional<LabResult> height = Labs.current(s, k, Analyte.HEIGHT, t.heightCurrent(), now)
                .filter(h -> h.comparator() == ValueComparator.EQUAL && h.value().signum() > 0);
        return new BodyFacts(age, child, weight.map(LabResult::value).orElse(null),
                weight.map(LabResult::source).orElse(null), height.map(LabResult::value).orElse(null),
                height.map(LabResult::source).orElse(null));
    }

    static Integer ageYears(LocalDate birthDate, Instant now) {
        if (birthDate == null) {
            return null;
        }
        return Period.between(birthDate, LocalDate.ofInstant(now, ZoneOffset.UTC)).getYears();
    }
}
