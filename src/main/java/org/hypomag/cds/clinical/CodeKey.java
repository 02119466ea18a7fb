package org.hypomag.cds.clinical;

/**
 * A coding's (system, code) as a hash key: what {@link Code#is} compares, without the display. Issue 16: code
 * lists of the knowledge indexed once by this key instead of scanned per coding.
 */
record CodeKey(String system, String code) {

    static CodeKey of(Code c) {
        return new CodeKey(c.system(), c.code());
    }
}
