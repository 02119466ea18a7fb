package org.hypomag.cds.knowledge;

import java.util.HashMap;
import java.util.Map;

import org.hypomag.cds.clinical.Code;

/** A file's {@code systems:} aliases (rxnorm -> URI); a code's system may be an alias or a full URI. */
final class CodeSystems {

    private final Map<String, String> aliases = new HashMap<>();

    CodeSystems(Yml root) {
        root.get("systems").entries().forEach((k, v) -> {
            String uri = v.str();
            if (uri != null && !uri.startsWith("http")) {
                v.problem("a system must be a URI");
            }
            aliases.put(k, uri);
        });
    }

    Code code(Yml c) {
        String system = c.reqStr("system");
        String code = c.reqStr("code");
        if (system == null || code == null) {
            return null;
        }
        String uri = aliases.getOrDefault(system, system);
        if (!uri.startsWith("http")) {
            c.get("system").problem("unknown system '" + system + "' (declare it under systems:)");
            return null;
        }
        return new Code(uri, code, c.optStr("display"));
    }
}
