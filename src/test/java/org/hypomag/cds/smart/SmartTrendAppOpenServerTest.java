package org.hypomag.cds.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hypomag.cds.testing.Chromium;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17: the trend app in headless Chromium, open-server mode ({@code launch.html?fhirServiceUrl=&patientId=},
 * no authorization) against the service's read-only demo FHIR view of fhir-samples/, with pages of 2 entries so
 * every search runs over several {@code next} links. The clock is pinned at the samples' anchor, so the view
 * serves the dates as written in the files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.clock.fixed=2026-11-23T08:00:00Z", "cds.demo.fhir.max-page-size=2"})
class SmartTrendAppOpenServerTest {

    @RegisterExtension
    static final Chromium.Session BROWSER = new Chromium.Session("smart-open-chromium");

    @LocalServerPort
    int port;

    private TrendPage open(String patientId) {
        String base = "http://localhost:" + port;
        return new TrendPage(BROWSER.driver()).open(base + "/smart/launch.html?fhirServiceUrl=" + base
                + "/demo/fhir&patientId=" + patientId);
    }

    @Test
    void everySample_tableShowsEachMgValueAndDate_hidingEnteredInError() {
        for (SampleLabs.Sample sample : SampleLabs.all()) {
            TrendPage page = open(sample.patientId());
            List<TrendPage.LabRow> rows = page.labs("MAGNESIUM");
            List<SampleLabs.Mg> shown = sample.mg().stream()
                    .filter(m -> !m.status().equals("entered-in-error") && !m.status().equals("cancelled")).toList();
            assertThat(rows).as(sample.file()).hasSize(shown.size());
            for (SampleLabs.Mg mg : shown) {
                assertThat(rows).as(sample.file() + " " + mg)
                        .anySatisfy(r -> {
                            assertThat(r.time()).isEqualTo(mg.iso());
                            assertThat(r.reported()).startsWith(mg.comparator() + mg.value() + " ");
                            assertThat(r.status()).isEqualTo(mg.status());
                        });
            }
            assertThat(Integer.parseInt(page.body("data-pages"))).as(sample.file() + ": pages read")
                    .isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void severeCkd_chartTableDrugBarAndPaging_screenshotPerView() {
        TrendPage page = open("severe-ckd");
        assertThat(BROWSER.driver().getCurrentUrl()).contains("/smart/app.html").doesNotContain("code=");
        // 6 results of the plotted analytes (3 Mg, K, Ca, eGFR; creatinine is not asked for) in pages of 2 (3 pages)
        // + one page each for the three medication searches
        assertThat(Integer.parseInt(page.body("data-pages"))).isEqualTo(6);
        assertThat(page.labs("MAGNESIUM")).extracting(TrendPage.LabRow::time, TrendPage.LabRow::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-22T06:10:00.000Z", "0.8"),
                        org.assertj.core.groups.Tuple.tuple("2026-10-19T08:40:00.000Z", "1.2"),
                        org.assertj.core.groups.Tuple.tuple("2026-07-06T09:05:00.000Z", "1.5"));
        assertThat(page.labs("EGFR")).extracting(TrendPage.LabRow::value).containsExactly("25");
        assertThat(page.drugs()).containsExactly(new TrendPage.DrugRow("Furosemide 40 mg tablet", "loop-diuretic",
                "2026-04-27T00:00:00.000Z", ""));
        page.click("range-2y");
        assertThat(BROWSER.driver()
                .findElements(By.cssSelector("#chart g.panel[data-analyte='MAGNESIUM'] circle.point")))
                .hasSize(3);
        assertThat(BROWSER.driver().findElements(By.cssSelector("#chart rect.bar")))
                .singleElement().satisfies(bar -> assertThat(bar.getDomAttribute("data-start"))
                        .isEqualTo("2026-04-27T00:00:00.000Z"));
        page.screenshot("severe-ckd-2y");
        page.click("range-90d");
        page.screenshot("severe-ckd-90d");
        page.click("range-7d");
        page.screenshot("severe-ckd-7d");
        page.click("view-table");
        page.screenshot("severe-ckd-table");
        assertThat(page.body("data-csp-violations")).as("CSP violations: " + page.body("data-csp-last")).isNull();
        assertThat(page.script("return window.localStorage.length")).isEqualTo(0L);
        assertThat(page.script("return document.cookie")).isEqualTo("");
    }

    @Test
    void siUnits_mgInMmolPerLitre_isShownInMgPerDl() {
        TrendPage page = open("si-units");
        assertThat(page.labs("MAGNESIUM")).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("1.09"); // 0.45 mmol/L x 2.431 (units.yaml, D1)
            assertThat(r.shown()).isEqualTo("1.09 mg/dL");
            assertThat(r.reported()).isEqualTo("0.45 mmol/L");
            assertThat(r.note()).contains("moderate (low)"); // 1.0 <= 1.09 <= 1.5 (D2)
        });
        assertThat(page.labs("CALCIUM_TOTAL")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("9.22")); // 2.3 mmol/L x 4.008
        page.click("range-2y");
        page.screenshot("si-units-2y");
    }

    @Test
    void enteredInError_isHiddenAndCounted() {
        TrendPage page = open("entered-in-error-mg");
        assertThat(page.labs("MAGNESIUM")).extracting(TrendPage.LabRow::value).containsExactly("2");
        assertThat(page.status()).contains("1 entered-in-error or cancelled not shown");
    }

    @Test
    void appPages_sendStrictCsp_andConfigComesFromTheKnowledgeFiles() throws Exception {
        Http http = Http.at("http://localhost:" + port);
        for (String path : List.of("/smart/launch.html", "/smart/app.html", "/smart/app.js")) {
            Http.Answer r = http.get(path).send();
            assertThat(r.status()).as(path).isEqualTo(200);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).contains("default-src 'none'", "script-src 'self';", "style-src 'self';",
                    "connect-src 'self' http://localhost:* http://127.0.0.1:*").doesNotContain("unsafe");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.body()).doesNotContain("<script>").doesNotContain("style=");
        }
        Http.Answer config = http.get("/smart/config.json").send();
        assertThat(config.body()).contains("\"mmol/L\":2.431", "\"lowerLimit\":1.7", "\"staleAfterHours\":168",
                "\"http://loinc.org|2601-3\"", "launch patient/Patient.rs patient/Observation.rs", "patient/Observation.read");
    }
}
