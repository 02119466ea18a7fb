package org.hypomag.cds.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hypomag.cds.TestPhases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import org.hypomag.cds.testing.Chromium;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The demo page in a real headless Chromium against a canned service ({@code ?base=/test-cds}): rendering,
 * indicator colours, safe markdown, prefetch built from the sample with shifted dates, accept → feedback →
 * order-select with the suggested order, and dismiss → override feedback.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.security.mode=demo")
@ActiveProfiles("demo")
@Import(StubCdsService.class)
class DemoPageStubbedServiceTest {

    @RegisterExtension
    static final Chromium.Session BROWSER = new Chromium.Session("demo-chromium");

    @LocalServerPort
    int port;

    @Autowired
    StubCdsService stub;

    private DemoPage page;

    @BeforeEach
    void openPage() {
        stub.hookCalls.clear();
        stub.feedback.clear();
        page = new DemoPage(BROWSER.driver()).open("http://localhost:" + port + "/?base=/test-cds");
        page.choosePatient("stub-patient");
        page.openChart();
    }

    @Test
    void chart_rendersCardsSortedWithIndicatorColourAndWord() {
        List<WebElement> cards = page.cards();
        assertThat(cards).extracting(c -> c.getDomAttribute("data-indicator"))
                .containsExactly("critical", "warning", "info");
        WebElement critical = page.card("critical");
        assertThat(critical.findElement(By.cssSelector(".badge")).getText()).isEqualTo("CRITICAL");
        assertThat(critical.findElement(By.cssSelector(".card-summary")).getText())
                .isEqualTo("Severe hypomagnesemia: Mg 0.9 mg/dL");
        assertThat(critical.getCssValue("border-left-color")).isEqualTo("rgba(176, 0, 32, 1)");
        assertThat(page.card("warning").getCssValue("border-left-color")).isEqualTo("rgba(217, 154, 0, 1)");
        assertThat(page.card("info").getCssValue("border-left-color")).isEqualTo("rgba(11, 92, 173, 1)");
        WebElement recommended = critical.findElement(By.cssSelector(".suggestion.recommended button"));
        assertThat(recommended.getText()).contains("Magnesium sulfate 2 g IV over 2 h").contains("Recommended");
        assertThat(critical.findElements(By.cssSelector(".suggestion button.accept"))).hasSize(2);
        WebElement source = critical.findElement(By.cssSelector(".card-source a"));
        assertThat(source.getText()).isEqualTo("Stub source");
        assertThat(source.getDomAttribute("href")).isEqualTo("https://example.org/source");
    }

    @Test
    void cardDetail_showsHtmlAsTextAndRendersOnlySafeMarkdown() {
        WebElement detail = page.card("critical").findElement(By.cssSelector(".card-detail"));
        assertThat(detail.findElements(By.tagName("img"))).isEmpty();
        assertThat(detail.findElements(By.tagName("script"))).isEmpty();
        assertThat(detail.getText()).contains("<img src=x onerror=\"document.title='pwned'\">")
                .contains("<script>").contains("[evil](javascript:document.title='pwned')");
        assertThat(BROWSER.driver().getTitle()).doesNotContain("pwned");
        assertThat(detail.findElement(By.tagName("strong")).getText()).isEqualTo("Give magnesium");
        assertThat(detail.findElement(By.tagName("em")).getText()).isEqualTo("then");
        assertThat(detail.findElements(By.cssSelector("ul li"))).hasSize(2);
        assertThat(detail.findElement(By.tagName("h5")).getText()).isEqualTo("Why"); // "##" sits below the card title (h3)
        List<WebElement> links = detail.findElements(By.tagName("a"));
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getDomAttribute("href")).isEqualTo("https://www.fda.gov/drugs/x_y_z");
        assertThat(links.get(0).getDomAttribute("rel")).contains("noopener");
    }

    @Test
    void patientView_prefetchIsBuiltFromTheSampleWithDatesShiftedToNow() {
        JsonNode call = stub.calls("patient-view").get(0);
        assertThat(call.path("context").path("patientId").asString()).isEqualTo("stub-patient");
        assertThat(call.path("context").path("encounterId").asString()).isEqualTo("stub-patient-enc");
        assertThat(call.path("hookInstance").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        JsonNode prefetch = call.path("prefetch");
        assertThat(prefetch.path("patient").path("id").asString()).isEqualTo("stub-patient");
        JsonNode mg = prefetch.path("magnesium");
        assertThat(mg.path("type").asString()).isEqualTo("searchset");
        assertThat(mg.path("total").asInt()).isEqualTo(3); // potassium not matched; _count=2 keeps the newest two
        assertThat(mg.path("entry")).extracting(e -> e.path("resource").path("id").asString())
                .containsExactly("stub-patient-obs-2", "stub-patient-obs-1");
        // the newest Mg was taken 2 h before the anchor: after the shift it is 2 h before now
        Instant newest = Instant.parse(mg.path("entry").get(0).path("resource").path("effectiveDateTime").asString());
        assertThat(Duration.between(newest, Instant.now().minus(Duration.ofHours(2))).abs())
                .isLessThan(Duration.ofMinutes(5));
        JsonNode meds = prefetch.path("medicationStatements");
        assertThat(meds.path("entry")).extracting(e -> e.path("resource").path("id").asString())
                .containsExactly("stub-patient-ms-1"); // the entered-in-error statement is filtered out by status (stopped ones are history and kept)
        assertThat(BROWSER.driver().findElement(By.id("shift")).getText()).contains("2026-11-23T08:00:00Z is now");
    }

    @Test
    void acceptingASuggestion_sendsFeedbackAndCallsOrderSelectWithTheSuggestedOrder() {
        WebElement recommended = page.card("critical").findElement(By.cssSelector(".suggestion.recommended button"));
        page.clickAndAwaitExchanges(By.cssSelector("button[data-suggestion='" + recommended
                .getDomAttribute("data-suggestion") + "']"), 2);

        assertThat(stub.feedback).hasSize(1);
        JsonNode item = stub.feedback.get(0).path("feedback").get(0);
        assertThat(item.path("card").asString()).isEqualTo("card-crit");
        assertThat(item.path("outcome").asString()).isEqualTo("accepted");
        assertThat(item.path("acceptedSuggestions").get(0).path("id").asString()).isEqualTo("sugg-2g");
        assertThat(Instant.parse(item.path("outcomeTimestamp").asString())).isAfter(Instant.now().minusSeconds(60));

        List<JsonNode> orderSelects = stub.calls("order-select");
        assertThat(orderSelects).hasSize(1);
        JsonNode context = orderSelects.get(0).path("context");
        assertThat(context.path("selections").get(0).asString()).isEqualTo("MedicationRequest/suggested-mgso4");
        JsonNode draft = context.path("draftOrders").path("entry").get(0).path("resource");
        assertThat(draft.path("id").asString()).isEqualTo("suggested-mgso4");
        assertThat(draft.path("dosageInstruction").get(0).path("doseAndRate").get(0).path("doseQuantity")
                .path("value").asInt()).isEqualTo(2);
        // the new answer replaces the chart's cards: the accepted card does not come back
        assertThat(page.cards()).isEmpty();
        assertThat(BROWSER.driver().findElement(By.id("orders")).isDisplayed()).isTrue();
        assertThat(BROWSER.driver().findElement(By.cssSelector("#draft-list li")).getDomAttribute("data-ref"))
                .isEqualTo("MedicationRequest/suggested-mgso4");
    }

    @Test
    void dismissingACard_sendsOverrideFeedbackWithTheChosenReason() {
        WebElement critical = page.card("critical");
        critical.findElement(By.cssSelector("button.dismiss")).click();
        BROWSER.driver()
                .findElement(By.xpath("//dialog[@id='override-dialog']//label[text()='Magnesium already given']"))
                .click();
        BROWSER.driver().findElement(By.id("override-comment")).sendKeys("given on the ward");
        page.clickAndAwaitExchanges(By.id("override-confirm"), 1);

        JsonNode item = stub.feedback.get(0).path("feedback").get(0);
        assertThat(item.path("outcome").asString()).isEqualTo("overridden");
        assertThat(item.path("overrideReason").path("reason").path("code").asString()).isEqualTo("already-treated");
        assertThat(item.path("overrideReason").path("userComment").asString()).isEqualTo("given on the ward");
        assertThat(page.cards()).extracting(c -> c.getDomAttribute("data-indicator"))
                .containsExactly("warning", "info");
    }

    @Test
    void orderScreen_sendsTheSelectedDraftLikeTheSandbox_andShowsAnErrorAnswer() {
        BROWSER.driver().findElement(By.id("open-orders")).click();
        BROWSER.driver().findElement(By.id("drug-pantoprazole")).click();
        page.clickAndAwaitExchanges(By.id("select-order"), 1);

        JsonNode context = stub.calls("order-select").get(0).path("context");
        JsonNode draft = context.path("draftOrders").path("entry").get(0).path("resource");
        assertThat(context.path("selections").get(0).asString()).isEqualTo("MedicationRequest/" + draft.path("id").asString());
        assertThat(draft.path("status").asString()).isEqualTo("draft");
        assertThat(draft.path("intent").asString()).isEqualTo("order");
        assertThat(draft.path("subject").path("reference").asString()).isEqualTo("Patient/stub-patient");
        assertThat(draft.path("medicationCodeableConcept").path("coding").get(0).path("code").asString()).isEqualTo("314200");
        assertThat(page.card("warning").getText()).contains("Selected drug wastes magnesium");

        page.clickAndAwaitExchanges(By.id("sign"), 1);
        JsonNode sign = stub.calls("order-sign").get(0).path("context");
        assertThat(sign.has("selections")).isFalse();
        assertThat(sign.path("draftOrders").path("entry")).hasSize(1);
        WebElement status = BROWSER.driver().findElement(By.id("status"));
        assertThat(status.getText()).contains("412").contains("CDS-412-PREFETCH prefetch key renal is missing");
        assertThat(status.getDomAttribute("class")).contains("error");
    }
}
