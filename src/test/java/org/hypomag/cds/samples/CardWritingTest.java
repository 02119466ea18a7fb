package org.hypomag.cds.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.TextKeys;
import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.hypomag.cds.samples.HookExamples.Data;
import org.hypomag.cds.samples.HookExamples.Example;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 19 "Writing (every card)": every sample patient of fhir-samples/ (patient-view, full prefetch) and every
 * request of hooks/ (the no-prefetch ones answered from the same sample as prefetch: their cards must be equal)
 * through the service; on EVERY card: no rule id in what a clinician reads (summary, detail, suggestion labels),
 * no sentence twice, no number with more than 2 decimals, a summary under 140 characters, and the D8 watch and
 * antidote texts at most once per card (orders included).
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
class CardWritingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Knowledge K = KnowledgeLoader.loadDefault();

    /** Rule ids as the knowledge files write them: D5, D17, T-HOSP-IV-SEV, T-PEDS, R18. */
    static final Pattern RULE_ID = Pattern.compile("\\b(D\\d{1,2}|T-[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*|R\\d{1,2})\\b");
    static final Pattern LONG_DECIMAL = Pattern.compile("\\d\\.\\d{3,}");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    @LocalServerPort
    int port;

    static Stream<Arguments> requests() {
        HookRequestBuilder builder = new HookRequestBuilder(JSON);
        List<Arguments> out = new ArrayList<>();
        for (Path bundle : SampleFiles.bundles()) {
            String patientId = SampleFiles.patientIdOf(bundle);
            ObjectNode request = JSON.createObjectNode();
            request.put("hook", "patient-view");
            request.put("hookInstance", java.util.UUID.nameUUIDFromBytes(bundle.toString().getBytes()).toString());
            request.putObject("context").put("patientId", patientId).put("userId", "Practitioner/example")
                    .put("encounterId", patientId + "-encounter");
            request.set("prefetch", new PrefetchBuilder(JSON).prefetch(JSON.readTree(SampleFiles.read(bundle)),
                    patientId));
            out.add(Arguments.of(bundle.getFileName().toString(), "patient-view", request));
        }
        for (Example ex : HookExamples.ALL) {
            Example asPrefetch = ex.data() == Data.PREFETCH ? ex
                    : new Example(ex.file(), ex.hook(), ex.patientId(), Data.PREFETCH, ex.nullKeys(), ex.drafts());
            out.add(Arguments.of("hooks/" + ex.file(), ex.hook(), builder.build(asPrefetch)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyCard_readsCleanly(String name, String hook, ObjectNode request) throws Exception {
        Http.Answer r = Http.local(port).post("/cds-services/hypomagnesemia-" + hook, request.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        if (Boolean.getBoolean("cards.dump")) { // review aid: mvn test -Dtest=CardWritingTest -Dcards.dump=true
            java.nio.file.Path dir = java.nio.file.Path.of("target", "cards-dump");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name.replace('/', '_')), r.body());
        }
        for (JsonNode card : JSON.readTree(r.body()).path("cards")) {
            check(name, card);
        }
    }

    private static void check(String name, JsonNode card) {
        String topic = card.at("/source/topic/code").asString();
        String summary = card.path("summary").asString();
        String detail = card.path("detail").asString();
        List<String> labels = new ArrayList<>();
        card.path("suggestions").forEach(s -> {
            labels.add(s.path("label").asString());
            s.path("actions").forEach(a -> labels.add(a.path("description").asString()));
        });
        String read = summary + "\n" + detail + "\n" + String.join("\n", labels);
        String where = name + " " + topic + ": ";

        assertThat(summary.length()).as(where + summary).isLessThan(140);
        assertThat(matches(RULE_ID, read)).as(where + "rule ids in the text").isEmpty();
        assertThat(matches(LONG_DECIMAL, read)).as(where + "numbers with more than 2 decimals").isEmpty();
        assertThat(repeated(summary + "\n" + detail)).as(where + "sentences twice in summary and detail").isEmpty();
        assertThat(labels.stream().filter(l -> !l.isBlank()).distinct().count() * 2)
                .as(where + "labels repeated").isGreaterThanOrEqualTo(labels.stream().filter(l -> !l.isBlank()).count());
        if (topic.equals("hypomag-alert")) { // bedside part: what / how much / next (+ emergency line) first
            assertThat(detail).contains("**Details**");
            String top = detail.substring(0, detail.indexOf("**Details**"));
            assertThat(top.split("\n\n").length).as(where + "lines before the details").isBetween(3, 5);
            assertThat(top.trim().split("\\s+").length).as(where + "words before the details").isLessThan(150);
        }
        String all = card.toString();
        for (String key : List.of(TextKeys.MONITORING_WATCH, TextKeys.MONITORING_ANTIDOTE)) {
            String text = K.texts().text(key);
            assertThat(count(all, text.substring(0, Math.min(60, text.length()))))
                    .as(where + key + " at most once per card, orders included").isLessThanOrEqualTo(1);
        }
    }

    static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Sentences (markdown emphasis and list dashes removed) that appear more than once. */
    static List<String> repeated(String text) {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.replace("**", ""))) {
            String t = s.replaceFirst("^[-\\s]+", "").trim();
            if (t.length() >= 12 && !seen.add(t)) {
                twice.add(t);
            }
        }
        return twice;
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
