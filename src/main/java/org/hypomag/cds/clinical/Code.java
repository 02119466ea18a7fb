package org.hypomag.cds.clinical;

/** A coded concept as found in the record: system URI, code and optional display. */
public record Code(String system, String code, String display) {

    public Code {
        system = system == null ? "" : system;
        code = code == null ? "" : code;
    }

    public boolean is(String otherSystem, String otherCode) {
        return system.equals(otherSystem) && code.equals(otherCode);
    }
}
