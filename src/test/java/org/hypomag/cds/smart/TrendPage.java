package org.hypomag.cds.smart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a clinician does on the trend app, for the browser tests. */
final class TrendPage {

    static final Path SCREENSHOTS = Path.of("target", "smart-screenshots");

    /** One row of the lab table. */
    record LabRow(String analyte, String time, String value, String shown, String reported, String status,
                  String note) {
    }

    /** One row of the drug table. */
    record DrugRow(String drug, String cls, String start, String end) {
    }

    private final ChromeDriver driver;

    TrendPage(ChromeDriver driver) {
        this.driver = driver;
    }

    TrendPage open(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> {
            if (!d.getCurrentUrl().contains("/smart/app.html")) {
                return false;
            }
            String ready = d.findElement(By.tagName("body")).getDomAttribute("data-ready");
            if ("error".equals(ready)) {
                throw new IllegalStateException("trend app failed: " + status());
            }
            return "true".equals(ready);
        });
        return this;
    }

    String status() {
        return driver.findElements(By.id("status")).stream().map(WebElement::getText).findFirst().orElse("(none)");
    }

    String body(String attribute) {
        return driver.findElement(By.tagName("body")).getDomAttribute(attribute);
    }

    List<LabRow> labs(String analyte) {
        return driver.findElements(By.cssSelector("#lab-table tbody tr[data-analyte='" + analyte + "']")).stream()
                .map(tr -> {
                    List<WebElement> cells = tr.findElements(By.cssSelector("th, td"));
                    return new LabRow(analyte, tr.getDomAttribute("data-time"), tr.getDomAttribute("data-value"),
                            text(cells.get(2)), text(cells.get(3)), text(cells.get(4)), text(cells.get(5)));
                }).toList();
    }

    List<DrugRow> drugs() {
        return driver.findElements(By.cssSelector("#drug-table tbody tr[data-class]")).stream()
                .map(tr -> new DrugRow(text(tr.findElement(By.cssSelector("th"))), tr.getDomAttribute("data-class"),
                        tr.getDomAttribute("data-start"), tr.getDomAttribute("data-end"))).toList();
    }

    /** textContent, so rows of the hidden table view are read too. */
    private static String text(WebElement e) {
        return e.getDomProperty("textContent").strip();
    }

    void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.write(to, driver.getScreenshotAs(OutputType.BYTES));
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object script(String js) {
        return driver.executeScript(js);
    }
}
