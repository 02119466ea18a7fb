package org.hypomag.cds.clinical;

/** Quantity.comparator; {@link #EQUAL} when the value was reported without one. */
public enum ValueComparator {
    LESS_THAN, LESS_OR_EQUAL, EQUAL, GREATER_OR_EQUAL, GREATER_THAN
}
