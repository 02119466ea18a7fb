package org.hypomag.cds.clinical;

/** How the eGFR used for dosing was obtained (D6). */
public enum RenalMethod {
    REPORTED, CKD_EPI_2021, SCHWARTZ, UNKNOWN
}
