package org.hypomag.cds.smart;

import java.util.Map;

import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.UnitTable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /smart/config.json}: no input, the same answer to everyone (no patient data in it). */
@RestController
class SmartConfigController {

    private final Map<String, Object> config;

    SmartConfigController(SmartProperties smart, Knowledge knowledge, UnitTable units) {
        this.config = TrendAppConfig.build(smart, knowledge, units);
    }

    @GetMapping(path = "/smart/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
    }
}
