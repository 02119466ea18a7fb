package org.hypomag.cds;

import org.hypomag.cds.system.StartupPreload;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the hypomagnesemia CDS Hooks service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CdsApplication {

    public static void main(String[] args) {
        // the knowledge files, the UCUM essence, the FHIR context and the TLS context are read beside the
        // context's start (their owners take them when ready)
        StartupPreload.start();
        SpringApplication.run(CdsApplication.class, args);
    }
}
