package org.hypomag.cds.smart;

import java.util.Map;

import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.UnitTable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /smart/config.json}: no input, the same answer to everyone (no patient data in it). Built on the first
 * request, once: its unit factor table runs ~150 UCUM conversions, about half of the service's startup time on the
 * main thread when it was built with the bean (issue 16.5); the hook services do not need it.
 */
@RestController
class SmartConfigController {

    private final SmartProperties smart;
    private final Knowledge knowledge;
    private final UnitTable units;
    private volatile Map<String, Object> config;

    SmartConfigController(SmartProperties smart, Knowledge knowledge, UnitTable units) {
        this.smart = smart;
        this.knowledge = knowledge;
        this.units = units;
    }

    @GetMapping(path = "/smart/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(built());
    }

    private Map<String, Object> built() {
        Map<String, Object> c = config;
        if (c == null) {
            synchronized (this) {
                c = config;
                if (c == null) {
                    c = TrendAppConfig.build(smart, knowledge, units);
                    config = c;
                }
            }
        }
        return c;
    }
}
