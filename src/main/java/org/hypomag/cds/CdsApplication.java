package org.hypomag.cds;

import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the hypomagnesemia CDS Hooks service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CdsApplication {

    public static void main(String[] args) {
        // the knowledge files are read beside the context's start (KnowledgeConfig takes the result)
        KnowledgeLoader.preloadDefaultBundle();
        SpringApplication.run(CdsApplication.class, args);
    }
}
