package org.hypomag.cds.fhir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.UnitTable;

/**
 * Turns a reported value and unit into the analyte's canonical unit: UCUM (ucum-essence.xml of org.fhir:ucum)
 * for same-dimension conversions, the factors of knowledge/units.yaml for moles/mass/equivalents. UCUM's
 * Decimal keeps significant figures, so only the factor comes from UCUM (converted from a 1 padded to 18
 * digits); the value is multiplied with BigDecimal. UCUM reads "eq" as 1 mol whatever the valence, so an
 * equivalents unit is converted only through a meq/L factor of the analyte.
 */
final class QuantityNormaliser {

    record Normalised(BigDecimal value, String problem) {
    }

    private record Conversion(BigDecimal factor, String problem) {
    }

    private static final String ONE = "1.000000000000000000";
    private static final int CACHE_LIMIT = 1000;
    /**
     * Longer unit strings are refused before UCUM sees them: no real unit is this long, UCUM's lexer takes
     * time that grows faster than the length (a 2.5 MB unit held a request for minutes, and with it the
     * lock every other request waits on), and the string would otherwise be kept in the cache and problems.
     */
    static final int MAX_UNIT_CHARS = 64;

    private final UcumEssenceService ucum;
    private final UnitTable units;
    private final Map<String, Conversion> cache = new ConcurrentHashMap<>();

    QuantityNormaliser(UnitTable units) {
        this.units = units;
        this.ucum = UcumEssence.service();
    }

    Normalised normalise(Analyte analyte, BigDecimal value, String unit) {
        if (value == null) {
            return new Normalised(null, "no value");
        }
        if (unit == null || unit.isBlank()) {
            return new Normalised(null, "no unit given");
        }
        if (unit.length() > MAX_UNIT_CHARS) {
            return new Normalised(null, "unit not recognised (longer than " + MAX_UNIT_CHARS + " characters)");
        }
        String key = analyte + "|" + unit;
        Conversion c = cache.get(key);
        if (c == null) {
            c = conversion(analyte, unit);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(key, c);
            }
        }
        if (c.factor() == null) {
            return new Normalised(null, c.problem());
        }
        return new Normalised(c.factor().compareTo(BigDecimal.ONE) == 0 ? value
                : value.multiply(c.factor(), MathContext.DECIMAL64), null);
    }

    private Conversion conversion(Analyte analyte, String unit) {
        String code = ucumCode(unit);
        if (code == null) {
            return new Conversion(null, "unit '" + unit + "' not recognised");
        }
        String canonical = analyte.canonicalUnit();
        boolean eq = isEquivalents(code);
        if (!eq && comparable(code, canonical)) {
            return new Conversion(factor(code, canonical), null);
        }
        for (UnitTable.Factor f : units.factors(analyte)) {
            if (isEquivalents(f.from()) == eq && comparable(code, f.from())) {
                return new Conversion(factor(code, f.from()).multiply(f.factor(), MathContext.DECIMAL64), null);
            }
        }
        return new Conversion(null, "unit '" + unit + "' cannot be converted to " + canonical);
    }

    /** The UCUM code for a unit string as labs send it, or null when it is not recognised. */
    String ucumCode(String unit) {
        if (unit.length() > MAX_UNIT_CHARS) {
            return null;
        }
        String s = unit.strip().replace('\u00b5', 'u').replace('\u03bc', 'u');
        if (valid(s)) {
            return s;
        }
        String alias = units.aliases().get(s.toLowerCase(Locale.ROOT));
        return alias != null && valid(alias) ? alias : null;
    }

    /** value in {@code from} expressed in {@code to}, both UCUM-comparable unit strings; null when not. */
    BigDecimal convert(BigDecimal value, String from, String to) {
        String a = ucumCode(from);
        String b = ucumCode(to);
        if (a == null || b == null || isEquivalents(a) != isEquivalents(b) || !comparable(a, b)) {
            return null;
        }
        return value.multiply(factor(a, b), MathContext.DECIMAL64);
    }

    private static boolean isEquivalents(String code) {
        return code.toLowerCase(Locale.ROOT).contains("eq");
    }

    private synchronized boolean valid(String code) {
        try {
            return ucum.validate(code) == null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private synchronized boolean comparable(String a, String b) {
        try {
            return ucum.isComparable(a, b);
        } catch (UcumException | RuntimeException e) {
            return false;
        }
    }

    private synchronized BigDecimal factor(String from, String to) {
        try {
            return new BigDecimal(ucum.convert(new Decimal(ONE), from, to).asDecimal());
        } catch (UcumException e) {
            throw new IllegalStateException("UCUM said comparable but did not convert " + from + " -> " + to, e);
        }
    }
}
