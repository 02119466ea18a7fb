package org.hypomag.cds.cards;

import java.math.BigDecimal;
import java.util.List;

import org.hypomag.cds.clinical.Code;

/**
 * What the card ledger fingerprints of a suggested order (issue 19.15), as written into its resource: the
 * resource type, the codings of its medication or order code as they appear in the JSON (a blank system or code
 * is left out of the JSON, so it is "" here), the first dose's value and unit code (null without a dose).
 * Carried beside the JSON text so the ledger does not read the text again.
 */
public record OrderFacts(String resourceType, List<Code> codes, BigDecimal doseValue, String doseUnit) {

    public OrderFacts {
        codes = List.copyOf(codes);
    }
}
