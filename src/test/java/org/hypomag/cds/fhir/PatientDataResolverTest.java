package org.hypomag.cds.fhir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.hypomag.cds.clinical.DataKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

class PatientDataResolverTest {

    static final String TOKEN = "tok-3f9a";
    static final Map<DataKey, String> ALL = PrefetchTemplates.byKey(TestKnowledge.labCodes());
    static final String MG_CODES = "http://loinc.org|19123-9,http://loinc.org|2601-3";
    static WireMockServer ehr;
    static WireMockServer elsewhere;
    FhirHttpClient client;

    @BeforeAll
    static void start() {
        ParserWarmup.warm(FhirContext.forR4Cached());
        ehr = new WireMockServer(options().dynamicPort());
        elsewhere = new WireMockServer(options().dynamicPort());
        ehr.start();
        elsewhere.start();
        // first exchange of a JVM (class loading, Jetty start-up) takes seconds on a loaded machine
        ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/warm")).willReturn(okJson(Fhir.patient("warm"))));
        try (FhirHttpClient warm = new FhirHttpClient(props(20_000, 20_000, 1, 1 << 20))) {
            new PatientDataResolver(FhirContext.forR4Cached(), warm).resolve(Map.of(DataKey.PATIENT, "Patient/warm"),
                    new FetchRequest(base(), TOKEN, Map.of(), Map.of()));
        }
    }

    @AfterAll
    static void stop() {
        ehr.stop();
        elsewhere.stop();
    }

    @BeforeEach
    void reset() {
        ehr.resetAll();
        elsewhere.resetAll();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    PatientDataResolver resolver(FhirProperties props) {
        client = new FhirHttpClient(props);
        return new PatientDataResolver(FhirContext.forR4Cached(), client);
    }

    PatientDataResolver resolver() {
        return resolver(FhirProperties.defaults());
    }

    static FhirProperties props(long queryMs, long deadlineMs, int maxPages, long maxBytes) {
        return new FhirProperties(Duration.ofMillis(queryMs), Duration.ofMillis(deadlineMs), maxPages,
                DataSize.ofBytes(maxBytes), 2000, 4, false);
    }

    static String base() {
        return ehr.baseUrl() + "/fhir";
    }

    static Map<DataKey, String> templates(String... keys) {
        Map<DataKey, String> t = new LinkedHashMap<>();
        for (String k : keys) {
            DataKey key = DataKey.ofPrefetchKey(k).orElseThrow();
            t.put(key, ALL.get(key));
        }
        return t;
    }

    static FetchRequest request(String server, String token, Map<String, Optional<String>> prefetch) {
        return new FetchRequest(server, token, FetchRequest.tokens("p1", null, "Practitioner/dr7"), trees(prefetch));
    }

    /** Prefetch values as the request's JSON trees; text that is not JSON arrives as a JSON string value. */
    static Map<DataKey, Optional<JsonNode>> trees(Map<String, Optional<String>> prefetch) {
        Map<DataKey, Optional<JsonNode>> out = new HashMap<>();
        prefetch.forEach((k, v) -> out.put(DataKey.ofPrefetchKey(k).orElseThrow(), v.map(PatientDataResolverTest::tree)));
        return out;
    }

    static JsonNode tree(String json) {
        try {
            return FhirJson.MAPPER.readTree(json);
        } catch (RuntimeException e) {
            return FhirJson.MAPPER.getNodeFactory().stringNode(json);
        }
    }

    static void stubMg(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("code", equalTo(MG_CODES))
                .willReturn(response));
    }

    static String unknownReason(PatientData data, DataKey key) {
        assertThat(data.result(key)).get().isInstanceOf(KeyResult.Unknown.class);
        return ((KeyResult.Unknown) data.result(key).orElseThrow()).detail();
    }

    static KeyResult.Present present(PatientData data, DataKey key) {
        assertThat(data.result(key)).get().asString().startsWith("Present");
        return (KeyResult.Present) data.result(key).orElseThrow();
    }

    @Test
    void prefetchWithAnUnknownResourceType_orAnEntryWithout_isUnknownNotEmpty() {
        Map<String, Optional<String>> prefetch = new HashMap<>();
        prefetch.put("magnesium", Optional.of(Fhir.bundle(null, "{\"resourceType\":\"Observacion\",\"id\":\"m1\"}")));
        prefetch.put("potassium", Optional.of(Fhir.bundle(null, "{\"id\":\"k1\",\"status\":\"final\"}")));
        prefetch.put("calcium", Optional.of("{\"resourceType\":\"Bundle\",\"entry\":\"x\"}"));

        PatientData data = resolver().resolve(templates("magnesium", "potassium", "calcium"),
                request(null, null, prefetch));

        for (DataKey key : List.of(DataKey.MAGNESIUM, DataKey.POTASSIUM, DataKey.CALCIUM)) {
            assertThat(data.result(key)).get().isEqualTo(
                    new KeyResult.Unknown(key.prefetchKey() + ": the prefetch was not valid FHIR JSON"));
        }
    }

    @Test
    void completePrefetch_makesNoHttpCall() {
        Map<String, Optional<String>> prefetch = new HashMap<>();
        prefetch.put("patient", Optional.of(Fhir.patient("p1")));
        prefetch.put("magnesium", Optional.of(Fhir.bundle(null, Fhir.mg("m1", "1.1", "mg/dL"))));

        PatientData data = resolver().resolve(templates("patient", "magnesium"), request(base(), TOKEN, prefetch));

        assertThat(data.resources(DataKey.PATIENT)).hasSize(1);
        assertThat(data.resources(DataKey.MAGNESIUM)).singleElement()
                .satisfies(r -> assertThat(r.type()).isEqualTo("Observation"));
        ehr.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void partialPrefetch_fetchesOnlyTheMissingKey_withBearerTokenAndTheTemplateQuery() {
        stubMg(okJson(Fhir.bundle(null, Fhir.mg("m1", "1.1", "mg/dL"), Fhir.mg("m0", "1.9", "mg/dL"))));

        PatientData data = resolver().resolve(templates("patient", "magnesium"),
                request(base(), TOKEN, Map.of("patient", Optional.of(Fhir.patient("p1")))));

        assertThat(data.resources(DataKey.MAGNESIUM)).hasSize(2);
        ehr.verify(1, anyRequestedFor(anyUrl()));
        ehr.verify(getRequestedFor(urlPathEqualTo("/fhir/Observation"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("patient", equalTo("p1"))
                .withQueryParam("code", equalTo(MG_CODES))
                .withQueryParam("_sort", equalTo("-date"))
                .withQueryParam("_count", equalTo("20")));
    }

    @Test
    void noAccessToken_sendsNoAuthorizationHeader() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson(Fhir.patient("p1"))));

        PatientData data = resolver().resolve(templates("patient"), request(base(), null, Map.of()));

        assertThat(data.resources(DataKey.PATIENT)).hasSize(1);
        ehr.verify(getRequestedFor(urlPathEqualTo("/fhir/Patient/p1")).withHeader("Authorization", absent()));
    }

    @Test
    void nullPrefetch_isEmptyAndNotFetched() {
        Map<String, Optional<String>> prefetch = new HashMap<>();
        prefetch.put("magnesium", Optional.empty());

        PatientData data = resolver().resolve(templates("magnesium"), request(base(), TOKEN, prefetch));

        assertThat(data.result(DataKey.MAGNESIUM)).containsInstanceOf(KeyResult.Empty.class);
        ehr.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void missingKeyWithoutFhirServer_throwsPrefetchUnavailableNamingTheKeys() {
        Map<String, Optional<String>> prefetch = Map.of("patient", Optional.of(Fhir.patient("p1")));

        assertThatThrownBy(() -> resolver().resolve(templates("patient", "magnesium", "potassium"),
                request(null, null, prefetch)))
                .isInstanceOf(PrefetchUnavailableException.class)
                .satisfies(e -> assertThat(((PrefetchUnavailableException) e).missingKeys())
                        .containsExactly("magnesium", "potassium"));
    }

    @Test
    void errorOperationOutcome_isFetchedAgain() {
        stubMg(okJson(Fhir.bundle(null, Fhir.mg("m1", "1.1", "mg/dL"))));
        Map<String, Optional<String>> prefetch = Map.of(
                "magnesium", Optional.of(Fhir.outcome("error", "exception", "query failed")));

        PatientData data = resolver().resolve(templates("magnesium"), request(base(), TOKEN, prefetch));

        assertThat(data.resources(DataKey.MAGNESIUM)).hasSize(1);
        ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation")));
    }

    @Test
    void errorOutcomeEntryInBundle_isFetchedAgain() {
        stubMg(okJson(Fhir.bundle(null, Fhir.mg("m1", "1.1", "mg/dL"))));
        Map<String, Optional<String>> prefetch = Map.of("magnesium", Optional.of(Fhir.errorOutcomeEntry()));

        PatientData data = resolver().resolve(templates("magnesium"), request(base(), TOKEN, prefetch));

        assertThat(data.resources(DataKey.MAGNESIUM)).hasSize(1);
    }

    @Test
    void errorOutcomeWithoutFhirServer_isUnknownNotEmpty() {
        Map<String, Optional<String>> prefetch = Map.of("magnesium", Optional.of(Fhir.errorOutcomeEntry()));

        PatientData data = resolver().resolve(templates("magnesium"), request(null, null, prefetch));

        assertThat(unknownReason(data, DataKey.MAGNESIUM)).startsWith("magnesium: ");
    }

    @Test
    void epicNoResultsOutcomeEntry_isEmptyAndNotFetched() {
        Map<String, Optional<String>> prefetch = Map.of("magnesium", Optional.of(Fhir.epicNoResults()),
                "potassium", Optional.of(Fhir.outcome("information", "informational", "no results")));

        PatientData data = resolver().resolve(templates("magnesium", "potassium"), request(base(), TOKEN, prefetch));

        assertThat(data.result(DataKey.MAGNESIUM)).containsInstanceOf(KeyResult.Empty.class);
        assertThat(data.result(DataKey.POTASSIUM)).containsInstanceOf(KeyResult.Empty.class);
        ehr.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void wrongResourceTypeInPrefetch_isUnknownWithReason() {
        Map<String, Optional<String>> prefetch = Map.of("magnesium", Optional.of(Fhir.patient("p1")),
                "potassium", Optional.of("{not json"));

        PatientData data = resolver().resolve(templates("magnesium", "potassium"), request(base(), TOKEN, prefetch));

        assertThat(unknownReason(data, DataKey.MAGNESIUM))
                .isEqualTo("magnesium: the prefetch held a Patient where a Bundle was expected");
        assertThat(unknownReason(data, DataKey.POTASSIUM)).isEqualTo("potassium: the prefetch was not valid FHIR JSON");
    }

    @Test
    void hostilePrefetchValues_areUnknown_neverThrown() {
        Map<String, Optional<String>> prefetch = Map.of(
                "magnesium", Optional.of("[".repeat(100_000) + "]".repeat(100_000)),
                "potassium", Optional.of("[1,2,3]"),
                "calcium", Optional.of("{\"resourceType\":\"Bundle\",\"entry\":\"" + "x".repeat(1_000_000) + "\"}"),
                "renal", Optional.of("{\"resourceType\":\"NoSuchType\"}"),
                "weight", Optional.of("42"));

        PatientData data = resolver().resolve(templates("magnesium", "potassium", "calcium", "renal", "weight"),
                request(base(), TOKEN, prefetch));

        assertThat(data.results()).hasSize(5);
        assertThat(data.results().values()).allMatch(r -> r instanceof KeyResult.Unknown);
        ehr.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unusableFhirServer_leavesFetchedKeysUnknown() {
        for (String server : List.of("ftp://ehr.example.org/fhir", "not a url", "/fhir")) {
            PatientData data = resolver().resolve(templates("magnesium"), request(server, TOKEN, Map.of()));

            assertThat(unknownReason(data, DataKey.MAGNESIUM))
                    .isEqualTo("magnesium: fhirServer is not a usable http(s) URL");
            client.close();
        }
    }

    @Test
    void templateTokenWithoutValue_isUnknown() {
        PatientData data = resolver().resolve(Map.of(DataKey.CONDITIONS, "Condition?encounter={{context.encounterId}}"),
                request(base(), TOKEN, Map.of()));

        assertThat(unknownReason(data, DataKey.CONDITIONS))
                .isEqualTo("conditions: its query needs context.encounterId, which the hook did not send");
        ehr.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void userPractitionerToken_isRenderedFromUserId() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(Fhir.bundle(null))));

        PatientData data = resolver().resolve(Map.of(DataKey.CONDITIONS, "Condition?asserter={{userPractitionerId}}"),
                request(base(), TOKEN, Map.of()));

        assertThat(data.result(DataKey.CONDITIONS)).containsInstanceOf(KeyResult.Empty.class);
        ehr.verify(getRequestedFor(urlPathEqualTo("/fhir/Condition")).withQueryParam("asserter", equalTo("dr7")));
    }

    @Test
    void hostileTokenValue_cannotAddQueryParameters() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(Fhir.bundle(null))));
        FetchRequest r = new FetchRequest(base(), TOKEN, FetchRequest.tokens("p1&_include=*", null, null), Map.of());

        resolver().resolve(templates("conditions"), r);

        ehr.verify(getRequestedFor(urlPathEqualTo("/fhir/Condition"))
                .withQueryParam("patient", equalTo("p1&_include=*")).withQueryParam("_include", absent()));
    }

    @Test
    void status500_401_429_leaveTheirKeysUnknown() {
        stubMg(aResponse().withStatus(500).withBody("<html>oops</html>"));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(aResponse().withStatus(401)));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        PatientData data = resolver().resolve(templates("patient", "magnesium", "conditions"),
                request(base(), TOKEN, Map.of()));

        assertThat(unknownReason(data, DataKey.MAGNESIUM)).isEqualTo("magnesium: FHIR server answered 500");
        assertThat(unknownReason(data, DataKey.PATIENT)).isEqualTo("patient: FHIR server answered 401 (not authorised)");
        assertThat(unknownReason(data, DataKey.CONDITIONS))
                .isEqualTo("conditions: FHIR server answered 429 (rate limited)");
    }

    @Test
    void malformedJson_htmlBody_andConnectionReset_leaveKeysUnknown() {
        stubMg(okJson("{\"resourceType\":\"Bundle\",\"entry\":[{"));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Login</body></html>")));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        PatientData data = resolver().resolve(templates("patient", "magnesium", "conditions"),
                request(base(), TOKEN, Map.of()));

        assertThat(unknownReason(data, DataKey.MAGNESIUM))
                .isEqualTo("magnesium: FHIR server's answer was not valid FHIR JSON");
        assertThat(unknownReason(data, DataKey.PATIENT))
                .isEqualTo("patient: FHIR server answered HTML or XML, not FHIR JSON");
        assertThat(unknownReason(data, DataKey.CONDITIONS))
                .isEqualTo("conditions: connection to the FHIR server failed");
    }

    @Test
    void wrongTypeFromServer_isUnknown() {
        stubMg(okJson(Fhir.patient("p1")));

        PatientData data = resolver().resolve(templates("magnesium"), request(base(), TOKEN, Map.of()));

        assertThat(unknownReason(data, DataKey.MAGNESIUM))
                .isEqualTo("magnesium: FHIR server returned a Patient where a Bundle was expected");
    }

    @Test
    void bodyOverTheCap_isAbortedAndUnknown_withOrWithoutContentLength() {
        String big = Fhir.bundle(null, Fhir.mg("m1", "1.1", "mg/dL").repeat(1).replace("m1", "m".repeat(3000)));
        stubMg(okJson(big));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(big).withChunkedDribbleDelay(4, 50)));

        PatientData data = resolver(props(800, 1200, 5, 1024)).resolve(templates("magnesium", "conditions"),
                request(base(), TOKEN, Map.of()));

        assertThat(unknownReason(data, DataKey.MAGNESIUM))
                .isEqualTo("magnesium: FHIR server's answer exceeded the 1024 byte limit");
        assertThat(unknownReason(data, DataKey.CONDITIONS))
                .isEqualTo("conditions: FHIR server's answer exceeded the 1024 byte limit");
    }

    @Test
    void slowServerPastTheDeadline_keyUnknown_andCallReturnsAtTheDeadline() {
        stubMg(okJson(Fhir.bundle(null)).withFixedDelay(3000));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson(Fhir.patient("p1"))));

        long t0 = System.nanoTime();
        PatientData data = resolver(props(2000, 500, 5, 1 << 20)).resolve(templates("patient", "magnesium"),
                request(base(), TOKEN, Map.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(unknownReason(data, DataKey.MAGNESIUM)).isEqualTo("magnesium: no answer within the 500 ms deadline");
        assertThat(data.resources(DataKey.PATIENT)).hasSize(1);
        assertThat(ms).isBetween(450L, 1500L);
    }

    @Test
    void slowQueryPastTheQueryTimeout_isUnknownWithTheTimeout() {
        stubMg(okJson(Fhir.bundle(null)).withFixedDelay(3000));

        long t0 = System.nanoTime();
        PatientData data = resolver(props(300, 1200, 5, 1 << 20)).resolve(templates("magnesium"),
                request(base(), TOKEN, Map.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(unknownReason(data, DataKey.MAGNESIUM))
                .isEqualTo("magnesium: FHIR server did not answer within 300 ms");
        assertThat(ms).isLessThan(1100L);
    }

    @Test
    void threeMissingKeys_areFetchedConcurrently() {
        stubMg(okJson(Fhir.bundle(null)).withFixedDelay(300));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson(Fhir.patient("p1")).withFixedDelay(300)));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(Fhir.bundle(null)).withFixedDelay(300)));
        PatientDataResolver resolver = resolver(props(2000, 3000, 5, 1 << 20));
        resolver.resolve(templates("patient"), request(base(), TOKEN, Map.of())); // warm the connection pool

        long t0 = System.nanoTime();
        PatientData data = resolver.resolve(templates("patient", "magnesium", "conditions"),
                request(base(), TOKEN, Map.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(data.results().values()).noneMatch(r -> r instanceof KeyResult.Unknown);
        assertThat(ms).isLessThan(800L);
    }

    @Test
    void sequentialSetting_fetchesOneKeyAfterTheOther_withinTheDeadline() {
        stubMg(okJson(Fhir.bundle(null)).withFixedDelay(300));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson(Fhir.patient("p1")).withFixedDelay(300)));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(Fhir.bundle(null)).withFixedDelay(300)));
        client = new FhirHttpClient(new FhirProperties(Duration.ofMillis(2000), Duration.ofMillis(5000), 5,
                DataSize.ofMegabytes(1), 2000, 4, true));
        PatientDataResolver resolver = new PatientDataResolver(FhirContext.forR4Cached(), client);

        long t0 = System.nanoTime();
        PatientData data = resolver.resolve(templates("patient", "magnesium", "conditions"),
                request(base(), TOKEN, Map.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(data.results().values()).noneMatch(r -> r instanceof KeyResult.Unknown);
        assertThat(ms).isGreaterThanOrEqualTo(900L); // three 300 ms answers, one after the other
    }

    @Test
    void sequentialSetting_stillEndsAtTheDeadline() {
        stubMg(okJson(Fhir.bundle(null)).withFixedDelay(700));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson(Fhir.patient("p1")).withFixedDelay(700)));
        client = new FhirHttpClient(new FhirProperties(Duration.ofMillis(2000), Duration.ofMillis(1000), 5,
                DataSize.ofMegabytes(1), 2000, 4, true));
        PatientDataResolver resolver = new PatientDataResolver(FhirContext.forR4Cached(), client);

        PatientData data = resolver.resolve(templates("patient", "magnesium"), request(base(), TOKEN, Map.of()));

        assertThat(data.results().values()).filteredOn(r -> r instanceof KeyResult.Unknown).hasSize(1);
    }

    @Test
    void nextLink_isFollowedAndPagesMerged() {
        String page2 = base() + "/Observation?_getpages=abc&_page=2";
        stubMg(okJson(Fhir.bundle(page2, Fhir.mg("m2", "1.1", "mg/dL"))));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("_getpages", equalTo("abc"))
                .willReturn(okJson(Fhir.bundle(null, Fhir.mg("m1", "1.9", "mg/dL")))));

        PatientData data = resolver().resolve(templates("magnesium"), request(base(), TOKEN, Map.of()));

        KeyResult.Present p = present(data, DataKey.MAGNESIUM);
        assertThat(p.resources()).extracting(FhirResource::id).containsExactly("m2", "m1");
        assertThat(p.incomplete()).isNull();
        ehr.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Observation"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void prefetchedBundleWithNext_isCompletedFromFhirServer() {
        String page2 = base() + "/Observation?_getpages=xyz&_page=2";
        ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("_getpages", equalTo("xyz"))
                .willReturn(okJson(Fhir.bundle(null, Fhir.mg("m1", "1.9", "mg/dL")))));
        Map<String, Optional<String>> prefetch = Map.of(
                "magnesium", Optional.of(Fhir.bundle(page2, Fhir.mg("m2", "1.1", "mg/dL"))));

        PatientData data = resolver().resolve(templates("magnesium"), request(base(), TOKEN, prefetch));

        assertThat(data.resources(DataKey.MAGNESIUM)).hasSize(2);
        ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void nextLinkToAnotherHost_isNotFollowed_andNoTokenReachesIt() {
        elsewhere.stubFor(get(anyUrl()).willReturn(okJson(Fhir.bundle(null, Fhir.mg("x", "0.4", "mg/dL")))));
        stubMg(okJson(Fhir.bundle(elsewhere.baseUrl() + "/fhir/Observation?page=2", Fhir.mg("m2", "1.1", "mg/dL"))));

        PatientData data = resolver().resolve(templates("magnesium"), request(base(), TOKEN, Map.of()));

        KeyResult.Present p = present(data, DataKey.MAGNESIUM);
        assertThat(p.resources()).hasSize(1);
        assertThat(p.incomplete()).isEqualTo("a next link to another server was not followed");
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void pageLoop_isDetected_eachPageFetchedOnce() {
        String page2 = base() + "/Observation?_getpages=loop";
        stubMg(okJson(Fhir.bundle(page2, Fhir.mg("m2", "1.1", "mg/dL"))));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("_getpages", equalTo("loop"))
                .willReturn(okJson(Fhir.bundle(page2, Fhir.mg("m1", "1.9", "mg/dL")))));

        PatientData data = resolver().resolve(templates("magnesium"), request(base(), TOKEN, Map.of()));

        KeyResult.Present p = present(data, DataKey.MAGNESIUM);
        assertThat(p.resources()).hasSize(2);
        assertThat(p.incomplete()).contains("loop");
        ehr.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Observation")));
    }

    @Test
    void pageBound_stopsPaging() {
        // the template asks 20 a page, the server answers 1: max-pages 3 honours the server's page size up to
        // KeyFetch.PAGE_SIZE_FACTOR x 3 = 12 pages (issue 18.4)
        for (int i = 1; i <= 15; i++) {
            ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("_getpages", equalTo("p" + i))
                    .willReturn(okJson(Fhir.bundle(base() + "/Observation?_getpages=p" + (i + 1),
                            Fhir.mg("m" + i, "1.1", "mg/dL")))));
        }
        stubMg(okJson(Fhir.bundle(base() + "/Observation?_getpages=p1", Fhir.mg("m0", "1.1", "mg/dL"))));

        PatientData data = resolver(props(800, 1200, 3, 1 << 20)).resolve(templates("magnesium"),
                request(base(), TOKEN, Map.of()));

        KeyResult.Present p = present(data, DataKey.MAGNESIUM);
        assertThat(p.resources()).hasSize(12);
        assertThat(p.incomplete()).isEqualTo("more than 12 pages; the first 12 were read");
        ehr.verify(12, getRequestedFor(urlPathEqualTo("/fhir/Observation")));
    }

    @Test
    void laterPageFailing_keepsTheFirstPageMarkedIncomplete() {
        String page2 = base() + "/Observation?_getpages=bad";
        stubMg(okJson(Fhir.bundle(page2, Fhir.mg("m2", "1.1", "mg/dL"))));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("_getpages", equalTo("bad"))
                .willReturn(aResponse().withStatus(503)));

        PatientData data = resolver().resolve(templates("magnesium"), request(base(), TOKEN, Map.of()));

        KeyResult.Present p = present(data, DataKey.MAGNESIUM);
        assertThat(p.resources()).hasSize(1);
        assertThat(p.incomplete()).isEqualTo("a later page failed: FHIR server answered 503");
    }

    @Test
    void includedMedications_areSetApartForReferenceResolution() {
        String med = """
                {"resourceType":"Medication","id":"med1","code":{"coding":[{"system":
                 "http://www.nlm.nih.gov/research/umls/rxnorm","code":"314200"}]}}""";
        String req = """
                {"resourceType":"MedicationRequest","id":"rx1","status":"active","intent":"order",
                 "medicationReference":{"reference":"Medication/med1"},"subject":{"reference":"Patient/p1"}}""";
        String bundle = Fhir.bundle(null, req).replace("]}", ",{\"resource\":" + med
                + ",\"search\":{\"mode\":\"include\"}}]}");

        PatientData data = resolver().resolve(templates("medicationRequests"),
                request(base(), TOKEN, Map.of("medicationRequests", Optional.of(bundle))));

        assertThat(data.resources(DataKey.MEDICATION_REQUESTS)).hasSize(1);
        assertThat(data.medications()).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("med1"));
    }

    @Test
    void fetchRequestToString_hidesTokenAndIdentifiers() {
        FetchRequest r = request(base(), TOKEN, Map.of("patient", Optional.of(Fhir.patient("p1"))));

        assertThat(r.toString()).doesNotContain(TOKEN).doesNotContain("p1\"").doesNotContain("dr7").contains("***");
        assertThat(r.tokens()).containsEntry("userPractitionerId", "dr7").containsEntry("context.patientId", "p1");
    }
}
