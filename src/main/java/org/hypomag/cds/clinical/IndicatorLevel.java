package org.hypomag.cds.clinical;

/**
 * Card urgency as the rules decide it (D13), ordered from least to most urgent: the one indicator type. The
 * cards package writes it on the wire as the spec's lowercase {@code info}/{@code warning}/{@code critical}.
 */
public enum IndicatorLevel {
    INFO, WARNING, CRITICAL;

    /** One step higher (hypokalaemia, D4/D13); CRITICAL stays CRITICAL. */
    public IndicatorLevel stepUp() {
        return this == INFO ? WARNING : CRITICAL;
    }
}
