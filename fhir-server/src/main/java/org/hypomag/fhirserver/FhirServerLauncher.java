package org.hypomag.fhirserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.test.config.TestR4Config;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.CorsInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Starts a HAPI FHIR JPA R4 server (in-memory H2, HAPI's own {@link TestR4Config}) at
 * {@code http://127.0.0.1:<port>/fhir}. Usage: {@code java -jar hypomag-fhir-server.jar [port]}; port 0 picks a
 * free one; {@code -Dfhir.resourceTypes=all} serves every R4 type (default: the types a CDS service reads). Prints {@code READY <port>} once {@code /fhir/metadata} answers, and one {@code FHIR-REQUEST} line
 * per request so a test can see what a client asked for. Test data only: everything is lost on exit.
 */
public final class FhirServerLauncher {

    private static final String HOST = "127.0.0.1";
    /** What a CDS service reads and suggests, plus what sample patients reference. */
    private static final String DEFAULT_TYPES = "Patient,Practitioner,PractitionerRole,Organization,Location,"
            + "Encounter,Observation,Condition,Medication,MedicationStatement,MedicationRequest,"
            + "MedicationAdministration,ServiceRequest,AllergyIntolerance,Procedure,DiagnosticReport";

    private FhirServerLauncher() {
    }

    public static void main(String[] args) throws Exception {
        // before any logger exists: our quiet config wins over logback-test.xml files on HAPI's test classpath
        System.setProperty("logback.configurationFile", "hypomag-fhir-server-logback.xml");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        long start = System.nanoTime();

        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(TestR4Config.class);
        System.out.printf("JPA context up (%d ms)%n", (System.nanoTime() - start) / 1_000_000);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(HOST);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        ServletHolder fhir = new ServletHolder(restfulServer(spring));
        fhir.setInitOrder(1); // build the method bindings now, not on the first request
        handler.addServlet(fhir, "/fhir/*");
        jetty.setHandler(handler);
        jetty.start();
        System.out.printf("Jetty up (%d ms)%n", (System.nanoTime() - start) / 1_000_000);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(jetty, spring), "fhir-server-shutdown"));

        int actualPort = connector.getLocalPort();
        awaitMetadata(actualPort);
        System.out.printf("READY %d (http://%s:%d/fhir, %d ms)%n", actualPort, HOST, actualPort,
                (System.nanoTime() - start) / 1_000_000);
        jetty.join();
    }

    private static RestfulServer restfulServer(AnnotationConfigApplicationContext spring) {
        RestfulServer server = new RestfulServer(spring.getBean(FhirContext.class));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        Set<String> types = resourceTypes();
        spring.getBean("myResourceProvidersR4", ResourceProviderFactory.class).createProviders().stream()
                .map(IResourceProvider.class::cast)
                .filter(p -> types.isEmpty() || types.contains(p.getResourceType().getSimpleName()))
                .forEach(server::registerProvider);
        // transactions (POST of a Bundle to the base) and the other system-level operations
        spring.getBeanProvider(JpaSystemProvider.class).orderedStream().forEach(server::registerProvider);
        server.setPagingProvider(spring.getBean(DatabaseBackedPagingProvider.class));
        server.registerInterceptor(new CorsInterceptor());
        server.registerInterceptor(new RequestLogInterceptor());
        return server;
    }

    /**
     * The resource types served at {@code /fhir/<Type>}: {@code -Dfhir.resourceTypes=all} for all ~146 R4 types
     * (the first /metadata then costs ~20 s more CPU), or a comma list. Transactions store any type regardless.
     */
    private static Set<String> resourceTypes() {
        String types = System.getProperty("fhir.resourceTypes", DEFAULT_TYPES);
        return "all".equals(types) ? Set.of() : Set.of(types.split(","));
    }

    private static void awaitMetadata(int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest metadata = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/fhir/metadata"))
                .timeout(Duration.ofMinutes(10)).build(); // the first answer is slow: one long try
        while (true) {
            try {
                if (http.send(metadata, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
    }

    private static void stop(Server jetty, AnnotationConfigApplicationContext spring) {
        try {
            jetty.stop();
        } catch (Exception e) {
            System.err.println("jetty stop failed: " + e);
        }
        spring.close();
    }
}
