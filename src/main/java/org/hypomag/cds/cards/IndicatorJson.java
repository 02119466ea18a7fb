package org.hypomag.cds.cards;

import java.util.Locale;

import org.hypomag.cds.clinical.IndicatorLevel;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes the clinical {@link IndicatorLevel} as the spec's lowercase card indicator ({@code info},
 * {@code warning}, {@code critical}; CDS Hooks 2.0.1 §Card Attributes), so {@code clinical} needs no Jackson.
 */
final class IndicatorJson extends StdSerializer<IndicatorLevel> {

    IndicatorJson() {
        super(IndicatorLevel.class);
    }

    /** The wire form of a level. */
    static String wire(IndicatorLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void serialize(IndicatorLevel value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeString(wire(value));
    }
}
