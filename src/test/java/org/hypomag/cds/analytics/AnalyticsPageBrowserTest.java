package org.hypomag.cds.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.testing.Http.JSON;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Chromium;
import org.hypomag.cds.testing.Fixtures;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The analytics page in a real headless Chromium (demo mode, own database): two patient-view calls, one alert
 * accepted and one drug-cause card overridden; the page's tables show exactly those figures, the SVG charts are
 * drawn, and a filter typed in the form lands in the URL. Screenshot: target/analytics-page.png.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
class AnalyticsPageBrowserTest {

    private static final String PV = "hypomagnesemia-patient-view";
    @RegisterExtension
    static final Chromium.Session BROWSER = new Chromium.Session("analytics-chromium");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String dir = "./target/analytics-page-" + UUID.randomUUID();
        registry.add("cds.store.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;

    @Test
    void pageTables_showTheExactFigures_andTheFilterGoesInTheUrl() throws Exception {
        JsonNode first = call();
        JsonNode second = call();
        assertThat(Http.local(port).post("/cds-services/" + PV + "/feedback",
                AnalyticsEndToEndTest.accepted(first.get(0), "12:01")).send().status()).isEqualTo(200);
        assertThat(Http.local(port).post("/cds-services/" + PV + "/feedback",
                AnalyticsEndToEndTest.overridden(second.get(1), 0, "12:02")).send().status()).isEqualTo(200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        BROWSER.driver().get("http://localhost:" + port + "/analytics?from=" + today + "&to=" + today);
        List<List<String>> types = rows("#types-table", 3);
        assertThat(types.get(0)).startsWith("hypomag-alert", "2", "1", "0", "1", "50 %");
        assertThat(types.get(0).get(7)).isEqualTo("first: 1");
        assertThat(types.get(1)).startsWith("hypomag-drug-cause", "2", "0", "1", "1", "0 %");
        assertThat(types.get(1).get(6)).isEqualTo("drug-needed: 1");
        assertThat(types.get(2)).startsWith("hypomag-monitoring", "2", "0", "0", "2");
        List<List<String>> weeks = rows("#weeks-table", 1);
        assertThat(weeks.get(0).subList(1, 4)).containsExactly("6", "1", "1");
        assertThat(BROWSER.driver().findElements(By.cssSelector("#bars svg rect"))).hasSize(9);
        assertThat(BROWSER.driver().findElements(By.cssSelector("#trend svg polyline"))).hasSize(3);
        Path shot = Path.of("target", "analytics-page.png");
        Files.write(shot, BROWSER.driver().getScreenshotAs(OutputType.BYTES));

        WebElement cardType = BROWSER.driver().findElement(By.name("cardType"));
        cardType.clear();
        cardType.sendKeys("hypomag-alert");
        BROWSER.driver().findElement(By.cssSelector("#filters button")).click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("#types-table tbody tr")).size() == 1);
        assertThat(BROWSER.driver().getCurrentUrl()).contains("cardType=hypomag-alert").contains("from=" + today);
        assertThat(rows("#types-table", 1).get(0)).startsWith("hypomag-alert", "2", "1", "0", "1");
    }

    private List<List<String>> rows(String table, int count) {
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector(table + " tbody tr")).size() == count);
        return BROWSER.driver().findElements(By.cssSelector(table + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    private JsonNode call() {
        var r = Http.local(port).post("/cds-services/" + PV, Fixtures.hook("patient-view-severe-ckd-prefetch.json")
                .put("hookInstance", UUID.randomUUID().toString()).toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("cards");
    }
}
