package org.hypomag.cds;

/**
 * The JUnit tags that order the test run fastest first (pom.xml, Surefire executions): untagged tests (clinical
 * rules, knowledge, cards, FHIR mappers and client, security units) run first, then {@link #SLICE} (the protocol
 * layer on a MockMvc web slice, no server), then {@link #CONTEXT} (a whole application context or server).
 */
public final class TestPhases {

    /** A Spring MVC web slice: controllers, advice and filters on MockMvc; no server, no full context. */
    public static final String SLICE = "slice";
    /** A whole Spring application context, usually with a server on a random port. */
    public static final String CONTEXT = "context";

    private TestPhases() {
    }
}
