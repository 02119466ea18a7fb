package org.hypomag.cds.system;

import javax.net.ssl.SSLContext;

import ca.uhn.fhir.context.FhirContext;
import org.hypomag.cds.fhir.UcumEssence;
import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, on one background thread started first thing in {@code main}, what the context's start would otherwise
 * read on its main thread, one item after the other: the knowledge bundle (YAML binding and Bean Validation of every
 * file, the main thread's largest start-up item), the UCUM essence, the FHIR context and the JDK's default TLS
 * context (the FHIR client's). Each is a process-wide, read-once value whose owner takes it when ready and waits
 * for it otherwise, so the result is the same with or without the preload; a failure here is the owner's failure
 * again when it reads (the knowledge bundle's problems stop the start as before). Issue 16.5: the production
 * launch's start-up steps, measured with Spring's buffered start-up recorder.
 */
public final class StartupPreload {

    private static final Logger log = LoggerFactory.getLogger(StartupPreload.class);

    private StartupPreload() {
    }

    /** Starts the preload thread (a daemon: it never holds the process up). */
    public static void start() {
        Thread t = new Thread(StartupPreload::run, "startup-preload");
        t.setDaemon(true);
        t.start();
    }

    static void run() {
        long t0 = System.nanoTime();
        try {
            KnowledgeLoader.loadDefaultBundle();
            UcumEssence.service();
            FhirContext.forR4Cached();
            SSLContext.getDefault();
            log.debug("start-up preload done in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | LinkageError e) {
            // the owner reads it again and reports it in its own words
            log.debug("start-up preload stopped: {}", e.getClass().getSimpleName());
        }
    }
}
