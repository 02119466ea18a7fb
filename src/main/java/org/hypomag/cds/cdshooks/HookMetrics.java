package org.hypomag.cds.cdshooks;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hypomag.cds.cards.Card;
import org.hypomag.cds.knowledge.CardTexts;
import org.springframework.stereotype.Component;

/**
 * The protocol's meters (Prometheus names after the arrow):
 * <ul>
 * <li>{@code cds.hook.calls} → {@code cds_hook_calls_total} (service, status): every POST to a service's URL,
 * also those refused before the service ran (401, 400, 412, 413 ...);</li>
 * <li>{@code cds.hook.duration} → {@code cds_hook_duration_seconds_bucket} (service): the time of each call, with
 * SLO buckets from 10 ms to 5 s around the 500 ms budget, so p50 and p99 come from {@code histogram_quantile};</li>
 * <li>{@code cds.cards.issued} → {@code cds_cards_issued_total} (service, type = source.topic.code, indicator);</li>
 * <li>{@code cds.feedback} → {@code cds_feedback_total} (service, outcome, reason = the override reason code).</li>
 * </ul>
 * Every label is from a closed set: a service id this service does not publish is {@code unknown}, a card type
 * or override reason not in the card texts is {@code other} / {@code unlisted}; no patient, user, hookInstance,
 * card uuid or token ever becomes a label.
 */
@Component
class HookMetrics {

    /** Buckets around the 500 ms budget (issue 15): fine below it, coarse above. */
    static final Duration[] SLO = {ms(10), ms(25), ms(50), ms(100), ms(150), ms(200), ms(300), ms(400), ms(500),
            ms(750), ms(1000), ms(2000), ms(5000)};

    static final String UNKNOWN_SERVICE = "unknown";

    private final MeterRegistry registry;
    private final Set<String> services = new HashSet<>();
    private final Set<String> cardTypes = new HashSet<>();
    private final Map<String, String> overrideReasons = new HashMap<>();
    private final Map<String, Timer> timers = new HashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    HookMetrics(MeterRegistry registry, CdsServiceRegistry serviceRegistry, CardTexts texts) {
        this.registry = registry;
        serviceRegistry.descriptors().forEach(d -> services.add(d.id()));
        if (texts != null) {
            texts.cards().values().forEach(t -> cardTypes.add(t.topicCode()));
            texts.overrideReasons().values().forEach(r -> overrideReasons.put(r.system() + "|" + r.code(), r.code()));
        }
        for (String s : services) {
            timers.put(s, timer(s));
        }
        timers.put(UNKNOWN_SERVICE, timer(UNKNOWN_SERVICE));
    }

    /** The label for a service id from a URL: the id when this service publishes it, else {@code unknown}. */
    String service(String id) {
        return id != null && services.contains(id) ? id : UNKNOWN_SERVICE;
    }

    /** One finished call. @param service a label from {@link #service(String)} */
    void call(String service, int status, long nanos) {
        String s = service(service);
        counter("cds.hook.calls", "Hook calls by service and HTTP status", "service", s, "status",
                status >= 100 && status <= 599 ? Integer.toString(status) : "other").increment();
        timers.get(s).record(nanos, TimeUnit.NANOSECONDS);
    }

    void cards(String service, List<Card> cards) {
        String s = service(service);
        for (Card c : cards) {
            String type = c.source().topic() == null ? null : c.source().topic().code();
            counter("cds.cards.issued", "Cards issued by service, card type (source.topic.code) and indicator",
                    "service", s, "type", type != null && cardTypes.contains(type) ? type : "other",
                    "indicator", c.indicator().name().toLowerCase(Locale.ROOT)).increment();
        }
    }

    void feedback(Feedback f) {
        String reason = f.overrideCode() == null ? "none" : overrideReasons.getOrDefault(f.overrideCode(), "unlisted");
        counter("cds.feedback", "Feedback outcomes by service, outcome and override reason code",
                "service", service(f.serviceId()), "outcome", f.accepted() ? "accepted" : "overridden",
                "reason", reason).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + String.join("|", tags),
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }

    private Timer timer(String service) {
        return Timer.builder("cds.hook.duration").description("Time of one hook call, from the first filter to the "
                + "last byte written").tag("service", service).serviceLevelObjectives(SLO)
                .minimumExpectedValue(ms(10)).maximumExpectedValue(ms(5000)).register(registry);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
