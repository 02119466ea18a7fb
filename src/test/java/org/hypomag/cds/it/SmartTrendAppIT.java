package org.hypomag.cds.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hypomag.cds.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 17: the SMART trend app in headless Chromium, open-server mode, against the project's real HAPI FHIR JPA
 * server (fhir-server/, shared with RealFhirServerIT) loaded with fhir-samples/: the browser reads HAPI directly
 * (its CORS interceptor), with HAPI's own search, sort and include handling. Run by Failsafe in {@code verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.security.mode=demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmartTrendAppIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final CompletableFuture<FhirServerProcess> SERVER_START = FhirServerProcess.shared(BASEDIR);

    @LocalServerPort
    int port;

    private FhirServerProcess server;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws Exception {
        server = FhirServerProcess.awaitShared(BASEDIR);
        SampleLoad samples = SampleLoad.load(BASEDIR.resolve("fhir-samples"), server.baseUrl(), new ObjectMapper());
        assertThat(samples.failures()).isEmpty();
        Chromium.ensureInstalled();
        driver = Chromium.start(Files.createTempDirectory("smart-it-chromium"));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private List<String> open(String patientId, String analyte) {
        driver.get("http://localhost:" + port + "/smart/launch.html?fhirServiceUrl=" + server.baseUrl() + "&patientId="
                + patientId);
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> {
            String ready = d.findElement(By.tagName("body")).getDomAttribute("data-ready");
            if ("error".equals(ready)) {
                throw new IllegalStateException(d.findElement(By.id("status")).getText());
            }
            return d.getCurrentUrl().contains("/smart/app.html") && "true".equals(ready);
        });
        return driver.findElements(By.cssSelector("#lab-table tr[data-analyte='" + analyte + "']")).stream()
                .map(tr -> tr.getDomAttribute("data-time") + " " + tr.getDomAttribute("data-value")).toList();
    }

    @Test
    void severeCkd_fromHapi_showsEachMgWithItsDate_andTheLoopDiureticBar() throws Exception {
        assertThat(open("severe-ckd", "MAGNESIUM")).containsExactly("2026-11-22T06:10:00.000Z 0.8",
                "2026-10-19T08:40:00.000Z 1.2", "2026-07-06T09:05:00.000Z 1.5");
        assertThat(driver.findElements(By.cssSelector("#drug-table tr[data-class='loop-diuretic']")))
                .singleElement().satisfies(tr -> assertThat(tr.getDomAttribute("data-start"))
                        .isEqualTo("2026-04-27T00:00:00.000Z"));
        Files.createDirectories(Path.of("target", "smart-screenshots"));
        driver.findElement(By.id("range-2y")).click();
        Files.write(Path.of("target", "smart-screenshots", "hapi-severe-ckd-2y.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void siUnits_fromHapi_mmolPerLitreShownInMgPerDl() {
        assertThat(open("si-units", "MAGNESIUM")).containsExactly("2026-11-22T06:25:00.000Z 1.09");
    }

    @Test
    void enteredInError_fromHapi_isHidden() {
        assertThat(open("entered-in-error-mg", "MAGNESIUM")).containsExactly("2026-11-22T06:00:00.000Z 2");
    }
}
