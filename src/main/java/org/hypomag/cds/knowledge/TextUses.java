package org.hypomag.cds.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Text keys other files name (doses, drug catalog), each with where it was named; checked against texts.yaml. */
final class TextUses {

    private record Use(YamlFile file, String pointer, String key) {
    }

    private final List<Use> uses = new ArrayList<>();

    void use(YamlFile file, String pointer, String key) {
        if (key != null) {
            uses.add(new Use(file, pointer, key));
        }
    }

    /** A problem at each place that names a key texts.yaml does not define. */
    void check(java.util.Set<String> defined) {
        for (Use u : uses) {
            if (!defined.contains(u.key())) {
                u.file().problem(u.pointer(), "text '" + u.key() + "' is not defined in texts.yaml");
            }
        }
    }
}
