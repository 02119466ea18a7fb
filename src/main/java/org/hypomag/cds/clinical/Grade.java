package org.hypomag.cds.clinical;

/** Serum Mg grade (hypomagnesemia.md D2); HIGH is above the upper limit (D11, no sub-grades). */
public enum Grade {
    SEVERE, MODERATE, MILD, NORMAL, HIGH;

    public boolean isLow() {
        return this == SEVERE || this == MODERATE || this == MILD;
    }
}
