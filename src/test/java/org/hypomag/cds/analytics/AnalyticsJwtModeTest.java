package org.hypomag.cds.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.testing.Http.JSON;

import java.util.HexFormat;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * JWT mode (the default): /analytics needs a configured admin token (its SHA-256 in cds.analytics.admin-tokens);
 * no token, a wrong one, or a CDS Hooks-like JWT is a 401 with an OperationOutcome; the right one is a 200.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsJwtModeTest {

    private static final String TOKEN = "analytics-admin-test-token-7f3a9c";
    private static final String Q = "/analytics/cards.json?from=2026-12-01&to=2026-12-07";

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry registry) {
        registry.add("cds.analytics.admin-tokens",
                () -> "sha256:" + HexFormat.of().formatHex(AdminTokens.sha256(TOKEN)));
    }

    @LocalServerPort
    int port;

    @Test
    void withoutAToken_is401WithAnOperationOutcome() {
        for (String path : new String[] {Q, "/analytics/cards.csv?from=2026-12-01&to=2026-12-07", "/analytics/x",
                "//Analytics/cards.json", "/Analytics/index.html", "/analytics/cards.json;x=1"}) {
            Http.Answer r = Http.local(port).get(path).send();
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).path("resourceType").asString()).isEqualTo("OperationOutcome");
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        }
        // an encoded slash is refused by the container itself (400) before any figures
        Http.Answer encoded = Http.local(port).get("/analytics%2Fcards.json?from=2026-12-01&to=2026-12-07").send();
        assertThat(encoded.status()).isIn(400, 401);
        assertThat(encoded.body()).doesNotContain("cardTypes");
    }

    @Test
    void thePageItself_isStaticAndOpen_itsDataIsNot() {
        Http.Answer page = Http.local(port).get("/analytics").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("analytics.js").doesNotContain("<script>");
        assertThat(Http.local(port).get("/analytics/analytics.js").send().status()).isEqualTo(200);
    }

    @Test
    void aWrongTokenOrAJwt_is401() {
        assertThat(Http.local(port).get(Q).bearer(TOKEN + "x").send().status()).isEqualTo(401);
        assertThat(Http.local(port).get(Q).bearer("eyJhbGciOiJFUzM4NCJ9.eyJpc3MiOiJ4In0.c2ln").send().status())
                .isEqualTo(401);
        assertThat(Http.local(port).get(Q).bearer("x".repeat(AdminTokens.MAX_TOKEN_CHARS + 1)).send().status())
                .isEqualTo(401);
    }

    @Test
    void theAdminToken_is200_andBadDatesStill400() {
        Http.Answer r = Http.local(port).get(Q).bearer(TOKEN).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("from").asString()).isEqualTo("2026-12-01");
        assertThat(Http.local(port).get("/analytics/cards.json?from=2026-12-08&to=2026-12-07").bearer(TOKEN).send()
                .status())
                .isEqualTo(400);
    }
}
