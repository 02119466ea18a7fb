package org.hypomag.cds.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.CdsApplication;
import org.hypomag.cds.security.TestIssuer;
import org.hypomag.cds.testing.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole service instances for the store's tests: each a real Spring context of the application on a free
 * port, in JWT mode behind one public URL (as behind a load balancer), trusting one test EHR, on the given
 * database. Requests are the README's sample order-select (Mg 1.1 mg/dL, a furosemide draft).
 */
final class Instances {

    static final String BASE = "https://cds.lb.test.example";
    static final String SELECT = "/cds-services/hypomagnesemia-order-select";
    static final String SIGN = "/cds-services/hypomagnesemia-order-sign";
    static final JsonMapper JSON = Http.JSON;

    private Instances() {
    }

    /** Starts one instance; {@code extra} are further --key=value arguments. */
    static ConfigurableApplicationContext start(String name, String dbUrl, TestIssuer ehr, Path jwks, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--cds.store.instance-id=" + name, "--cds.store.id-hash-key=two-instances-test-key-0123456789",
                "--cds.clock.fixed=2026-11-23T12:00:00Z", "--cds.security.public-base-url=" + BASE,
                "--cds.security.issuers[0].iss=" + ehr.iss(),
                "--cds.security.issuers[0].jwks-file=" + jwks.toUri(),
                "--cds.security.issuers[0].fhir-servers[0].url=https://fhir.test.example/r4"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CdsApplication.class).run(args.toArray(String[]::new));
    }

    /** One instance on the embedded default (no spring.datasource.url), demo mode, the id key generated. */
    static ConfigurableApplicationContext startEmbedded(Path dataDir) {
        return new SpringApplicationBuilder(CdsApplication.class).run("--server.port=0", "--cds.security.mode=demo",
                "--cds.store.data-dir=" + dataDir.toAbsolutePath(), "--cds.store.id-hash-key=",
                "--cds.clock.fixed=2026-11-23T12:00:00Z");
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Path jwks(TestIssuer ehr) {
        try {
            Path dir = Files.createTempDirectory("cds-store-test");
            dir.toFile().deleteOnExit();
            return ehr.writeJwks(dir, "jwks.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String token(TestIssuer ehr, String path) {
        return ehr.token(BASE + path, Instant.now()).sign();
    }

    /** hooks/order-select-furosemide-moderate-ppi-prefetch.json with Mg 1.1 and no other drug, in an encounter. */
    static ObjectNode orderSelect(String encounterId) {
        try {
            ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(
                    Path.of("hooks", "order-select-furosemide-moderate-ppi-prefetch.json")));
            ((ObjectNode) request.at("/prefetch/magnesium/entry/0/resource/valueQuantity")).put("value", 1.1);
            ObjectNode empty = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset")
                    .put("total", 0);
            ((ObjectNode) request.path("prefetch")).set("medicationStatements", empty);
            ((ObjectNode) request.path("prefetch")).set("medicationRequests", empty.deepCopy());
            ((ObjectNode) request.path("context")).put("encounterId", encounterId);
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode orderSign(ObjectNode select) {
        ObjectNode sign = select.deepCopy();
        sign.put("hook", "order-sign");
        sign.put("hookInstance", java.util.UUID.randomUUID().toString());
        ((ObjectNode) sign.path("context")).remove("selections");
        return sign;
    }

    static List<String> topics(String responseBody) {
        List<String> out = new ArrayList<>();
        JSON.readTree(responseBody).path("cards").forEach(c -> out.add(c.at("/source/topic/code").asString()));
        return out;
    }

    static JsonNode firstCard(String responseBody) {
        return JSON.readTree(responseBody).path("cards").get(0);
    }

    static String overridden(JsonNode card) {
        return "{\"feedback\":[{\"card\":\"" + card.path("uuid").asString() + "\",\"outcome\":\"overridden\","
                + "\"overrideReason\":{\"reason\":" + card.path("overrideReasons").get(0).toString()
                + ",\"userComment\":\"seen by the nephrologist\"},\"outcomeTimestamp\":\"2026-11-23T12:01:00Z\"}]}";
    }
}
