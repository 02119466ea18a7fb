package org.hypomag.cds.knowledge;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import org.hypomag.cds.clinical.Code;

/** A file's {@code systems:} aliases (rxnorm -> URI); a code's system may be an alias or a full URI. */
final class CodeSystems {

    /** A code as the catalogs write it; {@code source} or {@code ref} says where it was seen. */
    record Entry(@NotBlank String system, @NotBlank String code, String display, String source, String ref) {
    }

    private final Map<String, String> aliases;

    CodeSystems(YamlFile f, Map<String, String> aliases) {
        this.aliases = aliases == null ? Map.of() : aliases;
        this.aliases.forEach((k, uri) -> {
            if (uri == null || !uri.startsWith("http")) {
                f.problem(YamlFile.at("/systems", k), "a system must be a URI");
            }
        });
    }

    /** The code with its system resolved, or null (and a problem at {@code at/system}) when unknown. */
    Code code(YamlFile f, String at, Entry e) {
        String uri = aliases.getOrDefault(e.system(), e.system());
        if (!uri.startsWith("http")) {
            f.problem(YamlFile.at(at, "system"), "unknown system '" + e.system() + "' (declare it under systems:)");
            return null;
        }
        return new Code(uri, e.code(), e.display());
    }
}
