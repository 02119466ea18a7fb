package org.hypomag.cds.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hypomag.cds.TestPhases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import org.hypomag.cds.testing.Chromium;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service behind the demo page, in a real headless Chromium (issue 7): the severe-CKD sample (Mg 0.8
 * mg/dL, eGFR 25, loop diuretic) raises a red critical card whose suggested dose is the 50 % renal cut (2 g,
 * hypomagnesemia.md D6); accepting it reaches the feedback endpoint and the next order-select does not offer
 * the same order again. Needs the clinical engine and fhir-samples/ merged; fails (never skips) without them.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.security.mode=demo")
@ActiveProfiles("demo")
class DemoPageSevereCkdTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final Chromium.Session BROWSER = new Chromium.Session("demo-ckd-chromium");

    @LocalServerPort
    int port;

    @Test
    void severeCkdChart_showsRedCriticalCardWithHalvedDose_andAcceptingSendsFeedbackWithoutDuplicate() {
        DemoPage page = new DemoPage(BROWSER.driver()).open("http://localhost:" + port + "/");
        assertThat(BROWSER.driver().findElements(By.cssSelector("option[data-patient='severe-ckd']")))
                .as("fhir-samples/01-severe-ckd.json must be served under /samples").hasSize(1);
        page.choosePatient("severe-ckd");
        page.openChart();
        assertThat(page.lastExchange("/cds-services/hypomagnesemia-patient-view").status()).isEqualTo("200");

        WebElement critical = page.card("critical");
        assertThat(critical.findElement(By.cssSelector(".badge")).getText()).isEqualTo("CRITICAL");
        assertThat(critical.getCssValue("border-left-color")).isEqualTo("rgba(176, 0, 32, 1)");
        String summary = critical.findElement(By.cssSelector(".card-summary")).getText();
        assertThat(summary).contains("0.8 mg/dL");
        List<WebElement> twoGram = critical.findElements(By.cssSelector(".suggestion button.accept")).stream()
                .filter(b -> b.getText().matches("(?s).*\\b2 g\\b.*")).toList();
        assertThat(twoGram).as("a suggestion with the 50%% renal cut (2 g)").isNotEmpty();
        WebElement accept = twoGram.get(0);
        String label = accept.findElement(By.cssSelector(".suggestion-label")).getText();
        String cardUuid = critical.getDomAttribute("data-card"); // read before accepting: the page re-renders

        page.clickAndAwaitExchanges(By.cssSelector("button[data-suggestion='" + accept.getDomAttribute("data-suggestion")
                + "']"), 2);

        DemoPage.Exchange feedback = page.lastExchange("/feedback");
        assertThat(feedback.status()).isEqualTo("200");
        JsonNode item = JSON.readTree(feedback.request()).path("feedback").get(0);
        assertThat(item.path("card").asString()).isEqualTo(cardUuid);
        assertThat(item.path("outcome").asString()).isEqualTo("accepted");
        assertThat(JSON.readTree(feedback.response()).path("received").asInt()).isEqualTo(1);

        DemoPage.Exchange orderSelect = page.lastExchange("/cds-services/hypomagnesemia-order-select");
        assertThat(orderSelect.status()).isEqualTo("200");
        JsonNode cardsAfter = JSON.readTree(orderSelect.response()).path("cards");
        for (JsonNode card : cardsAfter) {
            for (JsonNode s : card.path("suggestions")) {
                assertThat(s.path("label").asString()).as("the accepted order is not suggested again").isNotEqualTo(label);
            }
        }
        assertThat(page.cards()).extracting(c -> c.findElement(By.cssSelector(".card-summary")).getText())
                .doesNotHaveDuplicates();
    }

    /**
     * Issue 17: the critical card's "Magnesium trend" SMART link opens the trend app for the same patient against
     * this service's demo FHIR view (open-server launch), so the README's start command alone shows it.
     */
    @Test
    void severeCkdCard_trendLinkLaunchesTheSmartAppForThePatient() {
        DemoPage page = new DemoPage(BROWSER.driver()).open("http://localhost:" + port + "/");
        page.choosePatient("severe-ckd");
        page.openChart();
        WebElement link = page.card("critical").findElement(By.cssSelector("a.smart-link"));
        assertThat(link.getDomAttribute("href")).startsWith("http://localhost:" + port + "/smart/launch.html?fhirServiceUrl=")
                .endsWith("&patientId=severe-ckd");
        String demoTab = BROWSER.driver().getWindowHandle();
        link.click();
        new org.openqa.selenium.support.ui.WebDriverWait(BROWSER.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getWindowHandles().size() > 1);
        String appTab = BROWSER.driver().getWindowHandles().stream().filter(h -> !h.equals(demoTab)).findFirst()
                .orElseThrow();
        BROWSER.driver().switchTo().window(appTab);
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(BROWSER.driver(), java.time.Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.getCurrentUrl().contains("/smart/app.html") && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertThat(BROWSER.driver().findElements(By.cssSelector("#lab-table tr[data-analyte='MAGNESIUM']")))
                    .extracting(tr -> tr.getDomAttribute("data-value")).containsExactly("0.8", "1.2", "1.5");
        } finally {
            BROWSER.driver().close();
            BROWSER.driver().switchTo().window(demoTab);
        }
    }
}
