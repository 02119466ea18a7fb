package org.hypomag.cds.fhir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Issue 18.4 and 18.6 on WireMock: a newest-first lab key stops paging once its pages hold what the rules
 * read; a server that does not sort is paged on and, when not every page can be read, the key is unknown; a
 * server's smaller page size is honoured within a bound; the Condition query's narrowing falls back on 400.
 */
class FhirPagingTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static WireMockServer ehr;
    FhirHttpClient client;

    @BeforeAll
    static void start() {
        ehr = new WireMockServer(options().dynamicPort());
        ehr.start();
        // the first exchange of a JVM (class loading, Jetty start-up) can pass the 5 s query timeout on a loaded
        // machine: made once here, as PatientDataResolverTest does, so no test's first query pays for it
        ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/warm")).willReturn(okJson(Fhir.patient("warm"))));
        try (FhirHttpClient warm = new FhirHttpClient(new FhirProperties(Duration.ofSeconds(20), Duration.ofSeconds(20),
                1, DataSize.ofMegabytes(1), 2000, 4, false))) {
            new PatientDataResolver(FhirContext.forR4Cached(), warm).resolve(Map.of(DataKey.PATIENT, "Patient/warm"),
                    new FetchRequest(base(), "tok", Map.of(), Map.of()));
        }
    }

    @AfterAll
    static void stop() {
        ehr.stop();
    }

    @BeforeEach
    void reset() {
        ehr.resetAll();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    PatientDataResolver resolver(int maxPages, boolean stopLabPaging) {
        client = new FhirHttpClient(new FhirProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), maxPages,
                DataSize.ofMegabytes(5), 2000, 4, false, stopLabPaging));
        return new PatientDataResolver(FhirContext.forR4Cached(), client, KnowledgeLoader.loadDefault(),
                KnowledgeLoader.loadDefault().units(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static String base() {
        return ehr.baseUrl() + "/fhir";
    }

    static Map<DataKey, String> templates(String key) {
        DataKey dataKey = DataKey.ofPrefetchKey(key).orElseThrow();
        return Map.of(dataKey, PrefetchTemplates.byKey(KnowledgeLoader.loadDefault().labCodes()).get(dataKey));
    }

    static FetchRequest request() {
        return new FetchRequest(base(), "tok", FetchRequest.tokens("p1", null, null), Map.of());
    }

    static String mg(String id, String value, Duration ago) {
        return """
                {"resourceType":"Observation","id":"%s","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"19123-9"}]},
                 "effectiveDateTime":"%s",
                 "valueQuantity":{"value":%s,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}}"""
                .formatted(id, NOW.minus(ago), value);
    }

    static String condition(String id) {
        return """
                {"resourceType":"Condition","id":"%s","clinicalStatus":{"coding":[{"code":"active"}]},
                 "code":{"text":"finding %s"}}""".formatted(id, id);
    }

    /** A searchset with a self link (as HAPI writes it) and a next link. */
    static String page(String self, String next, List<String> resources) {
        String entries = resources.stream().map(r -> "{\"resource\":" + r + ",\"search\":{\"mode\":\"match\"}}")
                .collect(Collectors.joining(","));
        List<String> links = new ArrayList<>();
        if (self != null) {
            links.add("{\"relation\":\"self\",\"url\":\"" + self + "\"}");
        }
        if (next != null) {
            links.add("{\"relation\":\"next\",\"url\":\"" + next + "\"}");
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[" + String.join(",", links)
                + "],\"entry\":[" + entries + "]}";
    }

    /** Mg pages p0 (the search) .. p{n-1}, each from {@code pages}; page i links to page i+1. */
    void stubMgPages(String self, List<List<String>> pages) {
        for (int i = 0; i < pages.size(); i++) {
            String next = i + 1 < pages.size() ? base() + "/Observation?_getpages=g&_getpagesoffset=" + (i + 1) : null;
            var stub = get(urlPathEqualTo("/fhir/Observation"));
            stub = i == 0 ? stub.withQueryParam("_getpages", absent())
                    : stub.withQueryParam("_getpagesoffset", equalTo(String.valueOf(i)));
            ehr.stubFor(stub.willReturn(okJson(page(i == 0 ? self : null, next, pages.get(i)))));
        }
    }

    static final String SORTED_SELF = "http://x/fhir/Observation?_count=20&_sort=-date&code=19123-9&patient=p1";

    @Test
    void sortedMg_newestAndPreviousOnPageOne_andPastTheWindow_readsOnePage() {
        stubMgPages(SORTED_SELF, List.of(
                List.of(mg("a", "1.2", Duration.ofDays(1)), mg("b", "1.6", Duration.ofDays(9))),
                List.of(mg("c", "1.9", Duration.ofDays(30)))));

        PatientData data = resolver(5, true).resolve(templates("magnesium"), request());

        KeyResult.Present p = (KeyResult.Present) data.result(DataKey.MAGNESIUM).orElseThrow();
        assertThat(p.resources()).extracting(FhirResource::id).containsExactly("a", "b");
        assertThat(p.incomplete()).isNull();
        ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation")));
    }

    @Test
    void sortedMg_pageStillWithinTheD17Window_readsTheNextPage() {
        // two results within 5 days: a third within the window could be the severe low D17 looks for
        stubMgPages(SORTED_SELF, List.of(
                List.of(mg("a", "1.2", Duration.ofDays(1)), mg("b", "0.8", Duration.ofDays(2))),
                List.of(mg("c", "0.7", Duration.ofDays(4)), mg("d", "1.9", Duration.ofDays(8))),
                List.of(mg("e", "1.9", Duration.ofDays(60)))));

        PatientData data = resolver(5, true).resolve(templates("magnesium"), request());

        assertThat(data.resources(DataKey.MAGNESIUM)).extracting(FhirResource::id).containsExactly("a", "b", "c", "d");
        ehr.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Observation")));
    }

    @Test
    void sortedMg_onlyOneResultSoFar_readsOnForThePreviousOne() {
        stubMgPages(SORTED_SELF, List.of(
                List.of(mg("a", "1.2", Duration.ofDays(1))),
                List.of(mg("b", "1.6", Duration.ofDays(200))),
                List.of(mg("c", "1.9", Duration.ofDays(400)))));

        PatientData data = resolver(5, true).resolve(templates("magnesium"), request());

        assertThat(data.resources(DataKey.MAGNESIUM)).extracting(FhirResource::id).containsExactly("a", "b");
        ehr.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Observation")));
    }

    @Test
    void sortedMg_newestAlreadyStale_needsNoPrevious() {
        stubMgPages(SORTED_SELF, List.of(
                List.of(mg("a", "1.2", Duration.ofDays(20))),
                List.of(mg("b", "1.6", Duration.ofDays(200)))));

        PatientData data = resolver(5, true).resolve(templates("magnesium"), request());

        assertThat(data.resources(DataKey.MAGNESIUM)).extracting(FhirResource::id).containsExactly("a");
        ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation")));
    }

    @Test
    void stopSwitchedOff_readsEveryPage() {
        stubMgPages(SORTED_SELF, List.of(
                List.of(mg("a", "1.2", Duration.ofDays(1)), mg("b", "1.6", Duration.ofDays(9))),
                List.of(mg("c", "1.9", Duration.ofDays(30)))));

        PatientData data = resolver(5, false).resolve(templates("magnesium"), request());

        assertThat(data.resources(DataKey.MAGNESIUM)).hasSize(3);
        ehr.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Observation")));
    }

    @Test
    void serverIgnoringSort_selfLinkWithoutSort_isPagedToTheEnd() {
        String unsortedSelf = "http://x/fhir/Observation?_count=20&code=19123-9&patient=p1";
        stubMgPages(unsortedSelf, List.of(
                List.of(mg("old", "1.9", Duration.ofDays(300)), mg("older", "1.8", Duration.ofDays(400))),
                List.of(mg("newest", "0.6", Duration.ofDays(1)))));

        PatientData data = resolver(5, true).resolve(templates("magnesium"), request());

        KeyResult.Present p = (KeyResult.Present) data.result(DataKey.MAGNESIUM).orElseThrow();
        assertThat(p.resources()).extracting(FhirResource::id).contains("newest");
        assertThat(p.incomplete()).isNull();
    }

    @Test
    void serverIgnoringSort_outOfOrderEntries_andMorePagesThanTheBound_isUnknown() {
        // no self link: the order itself shows the server did not sort
        List<List<String>> pages = new ArrayList<>();
        pages.add(List.of(mg("old", "1.9", Duration.ofDays(300)), mg("new", "1.8", Duration.ofDays(2))));
        for (int i = 0; i < 10; i++) { // more than the bound: 4 x max-pages 2 = 8 pages
            pages.add(List.of(mg("x" + i, "1.9", Duration.ofDays(30 + i))));
        }
        pages.add(List.of(mg("newest", "0.6", Duration.ofDays(1))));
        stubMgPages(null, pages);

        PatientData data = resolver(2, true).resolve(templates("magnesium"), request());

        assertThat(data.result(DataKey.MAGNESIUM)).get().isInstanceOf(KeyResult.Unknown.class);
        assertThat(((KeyResult.Unknown) data.result(DataKey.MAGNESIUM).orElseThrow()).reason())
                .startsWith("magnesium: the FHIR server did not return results newest first");
    }

    @Test
    void serverClaimingSort_withAnOrderedFirstPage_isTrusted() {
        stubMgPages(SORTED_SELF, List.of(
                List.of(mg("a", "1.2", Duration.ofDays(10)), mg("b", "1.6", Duration.ofDays(20))),
                List.of(mg("c", "0.6", Duration.ofDays(1))),
                List.of(mg("d", "1.9", Duration.ofDays(30)))));

        PatientData data = resolver(5, true).resolve(templates("magnesium"), request());

        // the self link echoes _sort and page 1 is in order: a newer result on a later page cannot be seen
        assertThat(data.resources(DataKey.MAGNESIUM)).extracting(FhirResource::id).containsExactly("a", "b");
        ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation")));
    }

    void stubConditionPages(int pages, int perPage) {
        for (int i = 0; i < pages; i++) {
            int from = i * perPage;
            List<String> conditions = IntStream.range(from, from + perPage).mapToObj(n -> condition("c" + n)).toList();
            String next = i + 1 < pages ? base() + "/Condition?_getpages=c&_getpagesoffset=" + (i + 1) : null;
            var stub = get(urlPathEqualTo("/fhir/Condition"));
            stub = i == 0 ? stub.withQueryParam("clinical-status:not", equalTo("resolved,inactive,remission"))
                    : stub.withQueryParam("_getpagesoffset", equalTo(String.valueOf(i)));
            ehr.stubFor(stub.willReturn(okJson(page(null, next, conditions))));
        }
    }

    @Test
    void conditions_askOnlyForUnresolvedOnes_andHonourTheServersSmallerPageSize() {
        // asked 100 a page, the server caps at 50 (as HAPI does): 5 pages of 100 are 10 pages of 50
        stubConditionPages(7, 50);

        PatientData data = resolver(5, true).resolve(templates("conditions"), request());

        KeyResult.Present p = (KeyResult.Present) data.result(DataKey.CONDITIONS).orElseThrow();
        assertThat(p.resources()).hasSize(350);
        assertThat(p.incomplete()).isNull();
        ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition"))
                .withQueryParam("clinical-status:not", equalTo("resolved,inactive,remission"))
                .withQueryParam("_count", equalTo("100")));
    }

    @Test
    void tinyServerPages_stayBounded() {
        // 1 entry a page: at most 4 x max-pages pages, then incomplete
        stubConditionPages(30, 1);

        PatientData data = resolver(5, true).resolve(templates("conditions"), request());

        KeyResult.Present p = (KeyResult.Present) data.result(DataKey.CONDITIONS).orElseThrow();
        assertThat(p.resources()).hasSize(20);
        assertThat(p.incomplete()).isEqualTo("more than 20 pages; the first 20 were read");
        ehr.verify(20, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
    }

    @Test
    void serverRefusingTheStatusNarrowing_getsTheUnfilteredQuery() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition"))
                .withQueryParam("clinical-status:not", equalTo("resolved,inactive,remission"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/fhir+json")
                        .withBody(Fhir.outcome("error", "not-supported", "modifier :not not supported"))));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).withQueryParam("clinical-status:not", absent())
                .withQueryParam("patient", equalTo("p1"))
                .willReturn(okJson(page(null, null, List.of(condition("c1"))))));

        PatientData data = resolver(5, true).resolve(templates("conditions"), request());

        assertThat(data.resources(DataKey.CONDITIONS)).extracting(FhirResource::id).containsExactly("c1");
        ehr.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
    }

    @Test
    void otherFailures_doNotFallBack() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(aResponse().withStatus(500)));

        PatientData data = resolver(5, true).resolve(templates("conditions"), request());

        assertThat(data.result(DataKey.CONDITIONS)).get().isInstanceOf(KeyResult.Unknown.class);
        ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
    }
}
