package org.hypomag.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;

/** Card urgency, ordered from least to most urgent (CDS Hooks 2.0.1 §Card Attributes). */
public enum Indicator {
    INFO("info"), WARNING("warning"), CRITICAL("critical");

    private final String wire;

    Indicator(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** One step more urgent, capped at critical. */
    public Indicator raise() {
        return this == INFO ? WARNING : CRITICAL;
    }
}
