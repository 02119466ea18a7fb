package org.hypomag.cds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the hypomagnesemia CDS Hooks service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CdsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CdsApplication.class, args);
    }
}
