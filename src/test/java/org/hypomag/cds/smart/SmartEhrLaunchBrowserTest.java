package org.hypomag.cds.smart;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.hypomag.cds.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17: the full SMART EHR launch in headless Chromium against a small local authorization stub (WireMock):
 * {@code launch.html?iss=&launch=} → the library reads {@code .well-known/smart-configuration} → /authorize
 * (redirects back with a code) → /token (authorization code + PKCE S256; answers an access token and the
 * patient in context) → the app reads the FHIR server (the stub proxies the service's demo FHIR view, paging
 * included) with the token as Bearer. Same Spring context as the open-server test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.clock.fixed=2026-11-23T08:00:00Z", "cds.demo.fhir.max-page-size=2"})
class SmartEhrLaunchBrowserTest {

    private static final String TOKEN = "ehr-token-7f3a";
    private static WireMockServer ehr;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() throws Exception {
        ehr = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").stubCorsEnabled(true)
                .globalTemplating(true).preserveHostHeader(true));
        ehr.start();
        Chromium.ensureInstalled();
        driver = Chromium.start(Files.createTempDirectory("smart-ehr-chromium"));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (ehr != null) {
            ehr.stop();
        }
    }

    @Test
    void ehrLaunch_authorizationCodeWithPkce_thenReadsThePatientInContextWithTheToken() throws Exception {
        String stub = "http://127.0.0.1:" + ehr.port();
        String iss = stub + "/demo/fhir";
        ehr.stubFor(get(urlPathEqualTo("/demo/fhir/.well-known/smart-configuration")).willReturn(okJson("""
                {"authorization_endpoint":"%s/authorize","token_endpoint":"%s/token",
                 "grant_types_supported":["authorization_code"],"response_types_supported":["code"],
                 "code_challenge_methods_supported":["S256"],
                 "capabilities":["launch-ehr","client-public","context-ehr-patient","permission-v2","permission-v1"]}
                """.formatted(stub, stub))));
        ehr.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(302).withHeader("Location",
                "{{request.query.redirect_uri}}?code=ehr-code-1&state={{request.query.state}}")));
        ehr.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("""
                {"access_token":"%s","token_type":"Bearer","expires_in":3600,"patient":"severe-ckd",
                 "scope":"launch patient/Observation.rs patient/MedicationRequest.rs patient/Patient.rs"}
                """.formatted(TOKEN))));
        ehr.stubFor(any(urlPathMatching("/demo/fhir/(Patient|Observation|Medication[A-Za-z]*)(/.*)?"))
                .willReturn(aResponse().proxiedFrom("http://localhost:" + port)));

        TrendPage page = new TrendPage(driver).open("http://localhost:" + port + "/smart/launch.html?iss=" + iss
                + "&launch=launch-ctx-42");

        assertThat(page.labs("MAGNESIUM")).extracting(TrendPage.LabRow::value).containsExactly("0.8", "1.2", "1.5");
        assertThat(page.drugs()).extracting(TrendPage.DrugRow::cls).containsExactly("loop-diuretic");

        LoggedRequest authorize = only(ehr.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/authorize"))));
        Map<String, String> q = query(authorize.getUrl().substring(authorize.getUrl().indexOf('?') + 1));
        String redirect = "http://localhost:" + port + "/smart/app.html";
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", "hypomag-trend")
                .containsEntry("redirect_uri", redirect).containsEntry("launch", "launch-ctx-42")
                .containsEntry("aud", iss).containsEntry("code_challenge_method", "S256");
        assertThat(q.get("scope")).startsWith("launch patient/Patient.rs patient/Observation.rs")
                .contains("patient/MedicationAdministration.rs", "patient/Observation.read");

        LoggedRequest token = only(ehr.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlPathEqualTo("/token"))));
        Map<String, String> form = query(token.getBodyAsString());
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "ehr-code-1")
                .containsEntry("redirect_uri", redirect);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(form.get("code_verifier").getBytes(StandardCharsets.US_ASCII)));
        assertThat(challenge).as("PKCE S256: the verifier sent to /token hashes to the challenge sent to /authorize")
                .isEqualTo(q.get("code_challenge"));

        List<LoggedRequest> fhir = ehr.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .anyRequestedFor(urlPathMatching("/demo/fhir/(Patient|Observation|Medication[A-Za-z]*).*")))
                .stream().filter(r -> !r.getMethod().getName().equals("OPTIONS")).toList();
        assertThat(fhir).isNotEmpty().allSatisfy(r -> assertThat(r.getHeader("Authorization"))
                .isEqualTo("Bearer " + TOKEN));
        assertThat(fhir).as("next pages are read from the EHR's server too")
                .anySatisfy(r -> assertThat(r.getUrl()).contains("_offset="));

        assertThat(driver.getCurrentUrl()).as("no code or token in the URL after launch")
                .doesNotContain("code=").doesNotContain(TOKEN);
        assertThat(page.script("return window.localStorage.length")).isEqualTo(0L);
        assertThat(page.script("return document.cookie")).isEqualTo("");
        assertThat((String) page.script("return JSON.stringify(window.sessionStorage)"))
                .as("the library keeps its state (with the token) in sessionStorage only").contains(TOKEN);
        assertThat(page.body("data-csp-violations")).as("CSP violations: " + page.body("data-csp-last")).isNull();
        page.screenshot("ehr-launch-severe-ckd-90d");
    }

    /**
     * Issue 17 figure (BENCHMARKS.md; printed, not asserted as a time): the JMH patient's two years of weekly labs,
     * served by the stub as an open server, drawn for the 2-year range (312 points, 4 drug lanes with 5 bars, 8 Mg markers,
     * the table of 312 rows): the app's own draw time (charts and table) from performance.now(), median of 7.
     */
    @Test
    void twoYearsOfWeeklyLabs_renderTimeIsMeasured() throws Exception {
        Instant now = Instant.now();
        String base = "/bench/fhir";
        ehr.stubFor(get(urlPathEqualTo(base + "/Patient/" + TwoYearPatient.ID)).willReturn(okJson(TwoYearPatient.patient())));
        ehr.stubFor(get(urlPathEqualTo(base + "/Observation")).willReturn(okJson(TwoYearPatient.observations(now))));
        ehr.stubFor(get(urlPathEqualTo(base + "/MedicationStatement")).willReturn(okJson(TwoYearPatient.statements(now))));
        ehr.stubFor(get(urlPathEqualTo(base + "/MedicationAdministration"))
                .willReturn(okJson(TwoYearPatient.administrations(now))));
        ehr.stubFor(get(urlPathEqualTo(base + "/MedicationRequest")).willReturn(okJson(TwoYearPatient.empty())));

        TrendPage page = new TrendPage(driver).open("http://localhost:" + port + "/smart/launch.html?fhirServiceUrl="
                + "http://127.0.0.1:" + ehr.port() + base + "&patientId=" + TwoYearPatient.ID);
        String first = page.body("data-render-ms");
        String load = page.body("data-load-ms");
        List<Double> twoYears = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            page.click("range-7d");
            page.click("range-2y");
            twoYears.add(Double.parseDouble(page.body("data-render-ms")));
        }
        assertThat(page.body("data-points")).isEqualTo(String.valueOf(TwoYearPatient.PLOTTED));
        assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("#chart rect.bar"))).hasSize(5);
        assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("#chart path.given"))).hasSize(8);
        assertThat(page.labs("MAGNESIUM")).hasSize(104);
        Collections.sort(twoYears);
        String line = String.format(Locale.ROOT, "SMART trend app, 2 years of weekly labs (%d points, 5 drug bars, 8 Mg "
                        + "markers, %d table rows): 2-year draw median %.1f ms (min %.1f, max %.1f, n=7); first draw "
                        + "(90 d) %s ms; launch-to-drawn incl. FHIR reads %s ms", TwoYearPatient.PLOTTED,
                TwoYearPatient.PLOTTED, twoYears.get(3), twoYears.get(0), twoYears.get(6), first, load);
        System.out.println(line);
        Files.writeString(java.nio.file.Path.of("target", "smart-render-benchmark.txt"), line + System.lineSeparator());
        page.screenshot("two-year-patient-2y");
    }

    private static LoggedRequest only(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
