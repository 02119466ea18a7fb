package org.hypomag.cds.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 100 patient-view calls in flight at once, one per patient, each with its own prefetched magnesium drawn at its
 * own minute: every answer names its own patient's result time (cards show "yyyy-MM-dd HH:mm UTC") and no other
 * patient's, and its own value as displayed (1 decimal, issue 19; 2 where 1 would cross a grade boundary).
 * 90 patients are low (0.71–1.69 mg/dL); 10 are normal (2.01–2.11 mg/dL) and must get no magnesium alert at all.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.security.mode=demo")
class ConcurrentPatientsTest {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);
    private static final java.time.Instant BASE = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .minus(Duration.ofHours(3));

    @LocalServerPort
    int port;

    record Patient(String id, String mgPerDl, boolean low) {

        /** Each patient's result is drawn at its own minute. */
        java.time.Instant drawn() {
            return BASE.minus(Duration.ofMinutes(Integer.parseInt(id.substring("conc-".length()))));
        }

        /** The value as the alert shows it: 1 decimal unless that crosses 1.0, 1.5 or 1.7 (then 2 decimals). */
        String shown() {
            java.math.BigDecimal v = new java.math.BigDecimal(mgPerDl);
            java.math.BigDecimal one = v.setScale(1, java.math.RoundingMode.HALF_UP);
            for (String b : List.of("1.0", "1.5", "1.7")) {
                java.math.BigDecimal bound = new java.math.BigDecimal(b);
                if (Integer.signum(v.compareTo(bound)) != Integer.signum(one.compareTo(bound))) {
                    return mgPerDl;
                }
            }
            return one.toPlainString();
        }
    }

    static List<Patient> patients() {
        List<Patient> out = new ArrayList<>();
        for (int tenth = 7; tenth <= 16; tenth++) {
            for (int digit = 1; digit <= 9; digit++) {
                String v = String.format(Locale.ROOT, "%d.%d%d", tenth / 10, tenth % 10, digit);
                out.add(new Patient("conc-" + out.size(), v, true));
            }
        }
        for (String v : List.of("2.01", "2.02", "2.03", "2.04", "2.05", "2.06", "2.07", "2.08", "2.09", "2.11")) {
            out.add(new Patient("conc-" + out.size(), v, false));
        }
        return out;
    }

    @Test
    void hundredPatientsAtOnce_eachAnswerNamesOnlyItsOwnMagnesium() {
        List<Patient> patients = patients();
        assertThat(patients).hasSize(100);
        Set<String> allTimes = new HashSet<>();
        patients.forEach(p -> allTimes.add(SHOWN.format(p.drawn())));
        Http http = Http.local(port);
        List<CompletableFuture<Http.Answer>> inFlight = new ArrayList<>();
        for (Patient p : patients) {
            inFlight.add(http.post(HookRequests.PATIENT_VIEW, request(p).toString()).sendAsync());
        }
        for (int i = 0; i < patients.size(); i++) {
            Patient p = patients.get(i);
            Http.Answer r = inFlight.get(i).join();
            assertThat(r.status()).as("%s: %s", p.id(), r.body()).isEqualTo(200);
            String text = cardText(HookRequests.JSON.readTree(r.body()));
            Set<String> named = new HashSet<>();
            Matcher m = TIME.matcher(text);
            while (m.find()) {
                if (allTimes.contains(m.group())) {
                    named.add(m.group());
                }
            }
            if (p.low()) {
                assertThat(named).as("result times named for %s (own %s): %s", p.id(), p.mgPerDl(), text)
                        .containsExactly(SHOWN.format(p.drawn()));
                assertThat(text).as("own value of %s", p.id()).contains("Mg " + p.shown() + " mg/dL");
            } else {
                assertThat(named).as("values named for normal %s: %s", p.id(), text).isEmpty();
                assertThat(text.toLowerCase(Locale.ROOT)).as("normal %s", p.id()).doesNotContain("hypomagnes");
            }
        }
    }

    private static ObjectNode request(Patient p) {
        ObjectNode req = HookRequests.valid(HookRequests.PATIENT_VIEW, p.id());
        ObjectNode prefetch = (ObjectNode) req.get("prefetch");
        for (String key : HookRequests.PREFETCH_KEYS) {
            prefetch.set(key, HookRequests.bundle(List.of()));
        }
        prefetch.set("patient", HookRequests.patient(p.id(), "1961-05-06", "male"));
        prefetch.set("magnesium", HookRequests.bundle(List.of(HookRequests.magnesium("mg-" + p.id(), p.id(),
                p.mgPerDl(), "mg/dL", p.drawn().toString()))));
        return req;
    }

    private static String cardText(JsonNode response) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode card : response.path("cards")) {
            sb.append(card.path("summary").asString()).append(' ').append(card.path("detail").asString()).append(' ');
        }
        return sb.toString();
    }
}
