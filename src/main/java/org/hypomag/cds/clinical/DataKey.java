package org.hypomag.cds.clinical;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of patient data the service asks for; each is one prefetch key. A key whose data could not be
 * had (query failed, timed out, error OperationOutcome) is "unknown" in the snapshot, never "empty".
 */
public enum DataKey {
    PATIENT("patient"),
    MAGNESIUM("magnesium"),
    POTASSIUM("potassium"),
    CALCIUM("calcium"),
    RENAL("renal"),
    WEIGHT("weight"),
    MEDICATION_STATEMENTS("medicationStatements"),
    MEDICATION_REQUESTS("medicationRequests"),
    MEDICATION_ADMINISTRATIONS("medicationAdministrations"),
    CONDITIONS("conditions");

    private static final Map<String, DataKey> BY_PREFETCH_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DataKey::prefetchKey, Function.identity()));

    private final String prefetchKey;

    DataKey(String prefetchKey) {
        this.prefetchKey = prefetchKey;
    }

    public String prefetchKey() {
        return prefetchKey;
    }

    /** The key of a prefetch name as published in discovery; empty for a name that is not one of ours. */
    public static Optional<DataKey> ofPrefetchKey(String name) {
        return Optional.ofNullable(name == null ? null : BY_PREFETCH_KEY.get(name));
    }
}
