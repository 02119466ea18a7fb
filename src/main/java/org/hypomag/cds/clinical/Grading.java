package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * D2 grades with the D1/D14 comparator rule: "<x" and "<=x" count as below x ("<1.0" is severe); ">x" and
 * ">=x" count as above x. A reported value that could lie on either side of the lower or upper limit is not
 * graded (empty): it becomes a could-not-check item (choice, thresholds.yaml).
 */
final class Grading {

    private Grading() {
    }

    static Grade exact(BigDecimal v, Thresholds t) {
        if (v.compareTo(t.mgSevereBelow()) < 0) {
            return Grade.SEVERE;
        }
        if (v.compareTo(t.mgModerateUpTo()) <= 0) {
            return Grade.MODERATE;
        }
        if (v.compareTo(t.mgLowerLimit()) < 0) {
            return Grade.MILD;
        }
        return v.compareTo(t.mgUpperLimit()) <= 0 ? Grade.NORMAL : Grade.HIGH;
    }

    static Optional<Grade> grade(BigDecimal v, ValueComparator c, Thresholds t) {
        return switch (c) {
            case EQUAL -> Optional.of(exact(v, t));
            case LESS_THAN, LESS_OR_EQUAL -> {
                // every value below x: the least severe grade possible is the one just below x
                if (v.compareTo(t.mgSevereBelow()) <= 0) {
                    yield Optional.of(Grade.SEVERE);
                }
                if (v.compareTo(t.mgModerateUpTo()) <= 0) {
                    yield Optional.of(Grade.MODERATE);
                }
                yield v.compareTo(t.mgLowerLimit()) <= 0 ? Optional.of(Grade.MILD) : Optional.empty();
            }
            case GREATER_THAN -> v.compareTo(t.mgUpperLimit()) >= 0 ? Optional.of(Grade.HIGH) : Optional.empty();
            case GREATER_OR_EQUAL -> v.compareTo(t.mgUpperLimit()) > 0 ? Optional.of(Grade.HIGH) : Optional.empty();
        };
    }
}
