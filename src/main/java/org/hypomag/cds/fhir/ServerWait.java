package org.hypomag.cds.fhir;

/**
 * Told when a hook call's thread stops working to wait for fhirServer's answers (the queries run on the HTTP
 * client's own threads meanwhile), so whatever bounds the calls working at once (the protocol layer's call gate)
 * can let another call work during that wait instead of holding its place for up to the fetch deadline.
 */
@FunctionalInterface
public interface ServerWait {

    /** Waits without limiting anybody: runs {@code waiting} as it is. */
    ServerWait NONE = Runnable::run;

    /** Runs {@code waiting}, the thread's wait for fhirServer, on the calling thread. */
    void during(Runnable waiting);
}
