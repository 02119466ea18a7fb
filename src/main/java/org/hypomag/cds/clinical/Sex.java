package org.hypomag.cds.clinical;

/** Administrative gender as it matters for CKD-EPI. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
