package org.hypomag.fhirserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.test.config.TestR4Config;
import ca.uhn.fhir.rest.api.EncodingEnum;
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
 * free one. Prints {@code READY <port>} once {@code /fhir/metadata} answers, and one {@code FHIR-REQUEST} line
 * per request so a test can see what a client asked for. Test data only: everything is lost on exit.
 */
public final class FhirServerLauncher {

    private static final String HOST = "127.0.0.1";

    private FhirServerLauncher() {
    }

    public static void main(String[] args) throws Exception {
        // before any logger exists: our quiet config wins over logback-test.xml files on HAPI's test classpath
        System.setProperty("logback.configurationFile", "hypomag-fhir-server-logback.xml");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        long start = System.nanoTime();

        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(TestR4Config.class);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(HOST);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        handler.addServlet(new ServletHolder(restfulServer(spring)), "/fhir/*");
        jetty.setHandler(handler);
        jetty.start();
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
        server.registerProviders(spring.getBean("myResourceProvidersR4", ResourceProviderFactory.class)
                .createProviders());
        // transactions (POST of a Bundle to the base) and the other system-level operations
        spring.getBeanProvider(JpaSystemProvider.class).orderedStream().forEach(server::registerProvider);
        server.setPagingProvider(spring.getBean(DatabaseBackedPagingProvider.class));
        server.registerInterceptor(new CorsInterceptor());
        server.registerInterceptor(new RequestLogInterceptor());
        return server;
    }

    private static void awaitMetadata(int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest metadata = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/fhir/metadata"))
                .timeout(Duration.ofSeconds(60)).build();
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
