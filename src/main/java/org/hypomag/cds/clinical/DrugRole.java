package org.hypomag.cds.clinical;

/** What a catalog drug class means for Mg. */
public enum DrugRole {
    /** Mg-wasting (D9). */
    CAUSE,
    /** Raises Mg (SGLT2 inhibitors, amiloride, triamterene): never listed as a cause (R53). */
    RAISER,
    /** A magnesium product (replacement or Mg-containing drug). */
    MG_SOURCE,
    /**
     * Contains magnesium but is not given as replacement (Mg antacids and laxatives): a magnesium source for the
     * hypermagnesemia card (§8, R54), never checked as a replacement order.
     */
    MG_CONTAINING
}
