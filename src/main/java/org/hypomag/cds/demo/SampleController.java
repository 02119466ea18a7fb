package org.hypomag.cds.demo;

import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the synthetic sample patients to the demo page: {@code GET /samples} lists them, {@code GET
 * /samples/{file}} returns one transaction Bundle unchanged (the page shifts its dates and builds prefetch).
 */
@RestController
class SampleController {

    private final SampleCatalog catalog;

    SampleController(SampleCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(path = "/samples", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SampleCatalog.SampleEntry> list() {
        return catalog.entries();
    }

    @GetMapping(path = "/samples/{file}")
    ResponseEntity<Resource> bundle(@PathVariable("file") String file) {
        if (!SampleCatalog.FILE_NAME.matcher(file).matches()) {
            return ResponseEntity.notFound().build();
        }
        return catalog.file(file)
                .map(r -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(r))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
