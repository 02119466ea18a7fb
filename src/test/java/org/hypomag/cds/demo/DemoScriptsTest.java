package org.hypomag.cds.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page's scripts as units, run in the real Chromium from a file:// page (no server): the Markdown subset
 * renderer escapes everything, prefetch templates are answered like a FHIR server, dates shift, and suggestion
 * actions change the draft as the spec orders them.
 */
@Tag(TestPhases.CONTEXT)
class DemoScriptsTest {

    private static final Path STATIC = Path.of("src/main/resources/static").toAbsolutePath();
    private static ChromeDriver driver;

    @BeforeAll
    static void load() throws Exception {
        Chromium.ensureInstalled();
        driver = Chromium.start(Files.createTempDirectory("demo-scripts-chromium"));
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head>");
        for (String js : List.of("markdown", "fhirdata", "orders")) {
            html.append("<script src=\"").append(STATIC.resolve("demo/" + js + ".js").toUri()).append("\"></script>");
        }
        Path page = Files.createTempFile("demo-scripts", ".html");
        Files.writeString(page, html.append("</head><body></body></html>"));
        driver.get(page.toUri().toString());
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static String md(String markdown) {
        return (String) js("return CdsDemo.markdown.render(arguments[0]);", markdown);
    }

    @Test
    void markdown_escapesEveryTagAndAttribute() {
        assertThat(md("<img src=x onerror=alert(1)>")).isEqualTo("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
        assertThat(md("<script>alert(1)</script> & \"q\" 'a'"))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;</p>");
        assertThat(md("**<b onclick=x>bold</b>**")).isEqualTo("<p><strong>&lt;b onclick=x&gt;bold&lt;/b&gt;</strong></p>");
    }

    @Test
    void markdown_linksOnlyToHttpAndHttps() {
        assertThat(md("[a](https://x.org/p_q_r?a=1&b=2)"))
                .isEqualTo("<p><a href=\"https://x.org/p_q_r?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\">a</a></p>");
        assertThat(md("[a](javascript:alert(1))")).isEqualTo("<p>[a](javascript:alert(1))</p>");
        assertThat(md("[a](data:text/html,x)")).isEqualTo("<p>[a](data:text/html,x)</p>");
        assertThat(md("[a](https://x.org\" onmouseover=\"alert(1))")).doesNotContain("<a ");
    }

    @Test
    void markdown_rendersHeadingsListsParagraphsAndEmphasis() {
        assertThat(md("# Dose\n\nGive *2 g*\nover **2 h**.\n\n- one\n- two `x*y*`\n\n1. first\n2. second"))
                .isEqualTo("<h4>Dose</h4>\n<p>Give <em>2 g</em> over <strong>2 h</strong>.</p>\n"
                        + "<ul><li>one</li><li>two <code>x*y*</code></li></ul>\n<ol><li>first</li><li>second</li></ol>");
        assertThat(md("snake_case_name stays")).isEqualTo("<p>snake_case_name stays</p>");
        assertThat(md(null)).isEmpty();
    }

    @Test
    void shiftDates_movesDateTimesAndDatesButNotOtherStrings() {
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) js("return CdsDemo.fhir.shiftDates(arguments[0], 36 * 3600000);",
                Map.of("effectiveDateTime", "2026-11-22T06:10:00Z", "issued", "2026-11-22T06:57:00.000Z",
                        "birthDate", "1954-03-14", "value", "HM-100201", "offset", "2026-11-22T06:10:00+01:00"));
        assertThat(out).containsEntry("effectiveDateTime", "2026-11-23T18:10:00Z")
                .containsEntry("issued", "2026-11-23T18:57:00.000Z")
                .containsEntry("birthDate", "1954-03-16") // 36 h rounds to 2 days for a date
                .containsEntry("value", "HM-100201")
                .containsEntry("offset", "2026-11-23T17:10:00Z");
    }

    @Test
    void prefetch_answersReadsAndSearchesLikeAServer() {
        String setup = "var res = [{resourceType:'Patient', id:'p'},"
                + "{resourceType:'Observation', id:'a', subject:{reference:'Patient/p'}, code:{coding:[{system:'http://loinc.org', code:'19123-9'}]}, effectiveDateTime:'2026-11-01T00:00:00Z'},"
                + "{resourceType:'Observation', id:'b', subject:{reference:'Patient/p'}, code:{coding:[{system:'http://loinc.org', code:'19123-9'}]}, effectiveDateTime:'2026-11-03T00:00:00Z'},"
                + "{resourceType:'Observation', id:'c', subject:{reference:'Patient/other'}, code:{coding:[{system:'http://loinc.org', code:'19123-9'}]}, effectiveDateTime:'2026-11-04T00:00:00Z'},"
                + "{resourceType:'Observation', id:'d', subject:{reference:'Patient/p'}, code:{coding:[{system:'http://other', code:'19123-9'}]}, effectiveDateTime:'2026-11-05T00:00:00Z'},"
                + "{resourceType:'MedicationRequest', id:'m', subject:{reference:'Patient/p'}, status:'active', medicationReference:{reference:'Medication/x'}},"
                + "{resourceType:'MedicationRequest', id:'n', subject:{reference:'Patient/p'}, status:'stopped'},"
                + "{resourceType:'Medication', id:'x'}];"
                + "var ctx = {patientId:'p'};";
        assertThat(js(setup + "return CdsDemo.fhir.evaluate('Patient/{{context.patientId}}', ctx, res, 'https://e').value.id;"))
                .isEqualTo("p");
        assertThat(js(setup + "return CdsDemo.fhir.evaluate('Patient/nobody', ctx, res, 'https://e').value;")).isNull();
        assertThat(js(setup + "return CdsDemo.fhir.evaluate('Observation?patient={{context.patientId}}&code=http://loinc.org|19123-9"
                + "&_sort=-date&_count=5', ctx, res, 'https://e').value.entry.map(function(e){return e.resource.id;});"))
                .isEqualTo(List.of("b", "a"));
        assertThat(js(setup + "return CdsDemo.fhir.evaluate('MedicationRequest?patient={{context.patientId}}&status=active,draft"
                + "&_include=MedicationRequest:medication', ctx, res, 'https://e').value.entry.map(function(e){return e.resource.id + ':' + e.search.mode;});"))
                .isEqualTo(List.of("m:match", "x:include"));
        assertThat(js(setup + "return CdsDemo.fhir.evaluate('Observation?patient=p&_elements=code', ctx, res, 'https://e').error;"))
                .isEqualTo("unsupported search parameter _elements");
        assertThat(js(setup + "return CdsDemo.fhir.evaluate('Observation?patient={{context.encounterId}}', ctx, res, 'https://e').error;"))
                .isEqualTo("cannot fill token {{context.encounterId}}");
    }

    @Test
    void applyActions_deletesThenCreatesThenUpdates() {
        String setup = "var draft = {resourceType:'Bundle', entry:[{resource:{resourceType:'MedicationRequest', id:'old', status:'draft'}},"
                + "{resourceType:'x'}].filter(function(e){return e.resource;})};";
        assertThat(js(setup + "var r = CdsDemo.orders.applyActions(draft, ["
                + "{type:'update', description:'u', resource:{resourceType:'MedicationRequest', id:'new', status:'draft', note:[{text:'updated'}]}},"
                + "{type:'create', description:'c', resource:{resourceType:'MedicationRequest', id:'new', status:'draft'}},"
                + "{type:'delete', description:'d', resourceId:'MedicationRequest/old'}], 'p');"
                + "return [r.draft.entry.length, r.draft.entry[0].resource.id, r.draft.entry[0].resource.note[0].text,"
                + " r.removed[0], r.touched.join(','), draft.entry[0].resource.id];"))
                .isEqualTo(List.of(1L, "new", "updated", "MedicationRequest/old", "MedicationRequest/new,MedicationRequest/new", "old"));
        assertThat(js(setup + "var r = CdsDemo.orders.applyActions(draft, [{type:'create', description:'c',"
                + " resource:{resourceType:'MedicationRequest', id:'old'}}], 'p');"
                + "return r.draft.entry.length === 2 && r.draft.entry[1].resource.id !== 'old';"))
                .isEqualTo(true);
    }
}
