package org.hypomag.cds.clinical;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Result selection shared by the rules (D3, D14): valid status, dated, newest first, within a window. */
final class Labs {

    /** D3: final, amended, corrected, preliminary count; entered-in-error, cancelled, registered do not. */
    static final Set<ResultStatus> VALID = EnumSet.of(ResultStatus.FINAL, ResultStatus.AMENDED,
            ResultStatus.CORRECTED, ResultStatus.PRELIMINARY);

    private Labs() {
    }

    /** Valid-status, dated results of an analyte (excluded codes dropped), newest first; with or without value. */
    static List<LabResult> candidates(PatientSnapshot s, Knowledge k, Analyte analyte) {
        return s.labs(analyte).stream()
                .filter(r -> VALID.contains(r.status()))
                .filter(r -> r.source() != null && r.source().time() != null)
                .filter(r -> r.code() == null || !k.labCodes().isExcluded(r.code()))
                .filter(r -> r.hasValue() || r.problem() != null)
                .sorted(Comparator.comparing((LabResult r) -> r.source().time()).reversed())
                .toList();
    }

    /** Candidates that carry a usable value. */
    static List<LabResult> valued(PatientSnapshot s, Knowledge k, Analyte analyte) {
        return candidates(s, k, analyte).stream().filter(LabResult::hasValue).toList();
    }

    /** The newest valued result no older than {@code window} (more than window = too old). */
    static Optional<LabResult> current(PatientSnapshot s, Knowledge k, Analyte analyte, Duration window, Instant now) {
        return valued(s, k, analyte).stream().filter(r -> !older(r, window, now)).findFirst();
    }

    /** The newest candidate is unusable (a unit or value problem) and within the window: why, else empty. */
    static Optional<String> problem(PatientSnapshot s, Knowledge k, Analyte analyte, Duration window, Instant now) {
        return candidates(s, k, analyte).stream().filter(r -> !older(r, window, now)).findFirst()
                .filter(r -> !r.hasValue()).map(LabResult::problem);
    }

    static boolean older(LabResult r, Duration window, Instant now) {
        return Duration.between(r.source().time(), now).compareTo(window) > 0;
    }
}
