package org.hypomag.cds.knowledge;

import org.hypomag.cds.clinical.Analyte;

/** An analyte named as a mapping key (MAGNESIUM, POTASSIUM ...). */
final class Analytes {

    private Analytes() {
    }

    /** The analyte, or null and a problem at the key when it is unknown. */
    static Analyte of(YamlFile f, String parent, String key) {
        try {
            return Analyte.valueOf(key);
        } catch (IllegalArgumentException e) {
            f.problem(YamlFile.at(parent, key), "unknown analyte '" + key + "'");
            return null;
        }
    }
}
