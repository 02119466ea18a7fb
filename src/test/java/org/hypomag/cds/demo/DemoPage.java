package org.hypomag.cds.demo;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a user does on the demo EHR page, for the browser tests. */
final class DemoPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    DemoPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    DemoPage open(String url) {
        driver.get(url);
        wait.until(d -> {
            String ready = d.findElement(By.tagName("body")).getDomAttribute("data-ready");
            if ("error".equals(ready)) {
                throw new IllegalStateException("page start-up failed: " + status());
            }
            return "true".equals(ready);
        });
        return this;
    }

    void choosePatient(String patientId) {
        new Select(driver.findElement(By.id("patient-select")))
                .selectByValue(driver.findElement(By.cssSelector("option[data-patient='" + patientId + "']"))
                        .getDomAttribute("value"));
    }

    /** Clicks, then waits until one more request/response exchange has been logged. */
    void clickAndAwaitExchanges(By target, int more) {
        int before = exchanges().size();
        driver.findElement(target).click();
        wait.until(d -> exchanges().size() >= before + more && !status().startsWith("Calling"));
    }

    void openChart() {
        clickAndAwaitExchanges(By.id("open-chart"), 1);
    }

    List<WebElement> cards() {
        return driver.findElements(By.cssSelector("#cards article.card"));
    }

    WebElement card(String indicator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .withMessage(() -> "no " + indicator + " card; cards shown: " + cards().stream()
                        .map(c -> c.getDomAttribute("data-indicator") + " '" + c.findElement(By.cssSelector(
                                ".card-summary")).getText() + "'").toList() + "; status: " + status())
                .until(d -> d.findElements(By.cssSelector("#cards article.card-" + indicator)).stream()
                        .findFirst().orElse(null));
    }

    List<WebElement> exchanges() {
        return driver.findElements(By.cssSelector("#exchanges details.exchange"));
    }

    /** The newest logged exchange whose URL ends with the given suffix, as {url, status, request, response}. */
    Exchange lastExchange(String urlSuffix) {
        for (WebElement e : exchanges()) {
            String url = e.getDomAttribute("data-url");
            if (url != null && url.endsWith(urlSuffix)) {
                return new Exchange(url, e.getDomAttribute("data-status"),
                        textOf(e, "pre.request-json"), textOf(e, "pre.response-json"));
            }
        }
        throw new AssertionError("no exchange for " + urlSuffix);
    }

    private static String textOf(WebElement exchange, String css) {
        List<WebElement> pre = exchange.findElements(By.cssSelector(css));
        return pre.isEmpty() ? "" : pre.get(0).getDomProperty("textContent");
    }

    String status() {
        return driver.findElement(By.id("status")).getText();
    }

    Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    record Exchange(String url, String status, String request, String response) {
    }
}
