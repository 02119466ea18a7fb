package org.hypomag.cds.fhir;

import java.math.BigDecimal;
import java.util.Optional;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.UnitTable;

/**
 * The factor the service multiplies a value in a unit by to reach the analyte's canonical unit, exactly as the
 * Observation mapper converts (UCUM, the aliases and the molar factors of knowledge/units.yaml). For the SMART
 * trend app, which converts in the browser with the factors the server hands it.
 */
public final class UnitFactors {

    private final QuantityNormaliser normaliser;

    public UnitFactors(UnitTable units) {
        this.normaliser = new QuantityNormaliser(units);
    }

    /** value in {@code unit} × factor = value in {@link Analyte#canonicalUnit()}; empty when not convertible. */
    public Optional<BigDecimal> toCanonical(Analyte analyte, String unit) {
        QuantityNormaliser.Normalised n = normaliser.normalise(analyte, BigDecimal.ONE, unit);
        return Optional.ofNullable(n.value()).map(BigDecimal::stripTrailingZeros);
    }
}
