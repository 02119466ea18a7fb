package org.hypomag.cds.clinical;

/** Card urgency as the rules decide it (D13); the cdshooks renderer maps it to the wire Indicator. */
public enum IndicatorLevel {
    INFO, WARNING, CRITICAL;

    /** One step higher (hypokalaemia, D4/D13); CRITICAL stays CRITICAL. */
    public IndicatorLevel stepUp() {
        return this == INFO ? WARNING : CRITICAL;
    }
}
