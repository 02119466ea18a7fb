package org.hypomag.cds.fhir;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.UnitTable;
import org.hypomag.cds.clinical.DataKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * From a hook call's prefetch and fhirServer to {@link PatientData} (issue 3, "Prefetch contract"):
 * <ul>
 * <li>key present with a resource or Bundle: used (a Bundle's next link is followed on fhirServer);</li>
 * <li>key present as JSON null, an empty Bundle or an information/warning OperationOutcome: Empty, no fetch;</li>
 * <li>key missing, or an error OperationOutcome (also as an outcome entry): fetched from fhirServer, all
 * keys in parallel, each with the query timeout, all within one deadline;</li>
 * <li>wrong resource type or invalid JSON in the prefetch, a failed or late query, a template token with no
 * value: Unknown with a reason, never Empty;</li>
 * <li>missing keys and no fhirServer: {@link PrefetchUnavailableException} (412). An error outcome with no
 * fhirServer is Unknown (the EHR did try), not 412.</li>
 * </ul>
 */
@Component
public class PatientDataResolver {

    private static final Logger log = LoggerFactory.getLogger(PatientDataResolver.class);

    private static final Pattern COUNT = Pattern.compile("[?&]_count=(\\d{1,6})(?:&|$)");

    private final PageReader reader;
    private final FhirHttpClient client;
    private final LabPaging labPaging;
    private final Clock clock;
    private final List<FetchObserver> observers;

    /** Without the lab-paging stop (every page within the bounds is read). */
    PatientDataResolver(FhirContext fhirContext, FhirHttpClient client) {
        this(fhirContext, client, null, Clock.systemUTC());
    }

    PatientDataResolver(FhirContext fhirContext, FhirHttpClient client, Knowledge knowledge, UnitTable units,
                        Clock clock) {
        this(fhirContext, client, new LabPaging(new ObservationMapper(knowledge.labCodes(),
                new QuantityNormaliser(units)), knowledge.thresholds()), clock, List.of());
    }

    /** @param observers told how each key was settled (metrics, the per-call log) */
    @Autowired
    PatientDataResolver(FhirContext fhirContext, FhirHttpClient client, Knowledge knowledge, UnitTable units,
                        Clock clock, ObjectProvider<FetchObserver> observers) {
        this(fhirContext, client, new LabPaging(new ObservationMapper(knowledge.labCodes(),
                new QuantityNormaliser(units)), knowledge.thresholds()), clock, observers.orderedStream().toList());
    }

    private PatientDataResolver(FhirContext fhirContext, FhirHttpClient client, LabPaging labPaging, Clock clock) {
        this(fhirContext, client, labPaging, clock, List.of());
    }

    private PatientDataResolver(FhirContext fhirContext, FhirHttpClient client, LabPaging labPaging, Clock clock,
                                List<FetchObserver> observers) {
        this.reader = new PageReader(fhirContext.getResourceTypes());
        this.client = client;
        this.labPaging = client.properties().stopLabPaging() ? labPaging : null;
        this.clock = clock;
        this.observers = List.copyOf(observers);
    }

    /**
     * @param templates the service's prefetch templates by {@link DataKey}, as published in discovery
     */
    public PatientData resolve(Map<DataKey, String> templates, FetchRequest request) {
        long deadline = System.nanoTime() + client.properties().deadline().toNanos();
        PrefetchPlan plan = PrefetchPlan.of(templates, request.prefetch(), reader);
        if (!plan.missing.isEmpty() && request.fhirServer() == null) {
            throw new PrefetchUnavailableException(plan.missing);
        }
        boolean queried = false;
        if (request.fhirServer() == null) {
            plan.withoutServer("the EHR reported an error fetching it", "further pages not read: no fhirServer");
        } else if (FhirUrls.parseBase(request.fhirServer()).isEmpty()) {
            plan.withoutServer("fhirServer is not a usable http(s) URL",
                    "further pages not read: fhirServer is not usable");
        } else if (plan.needsServer()) {
            fetch(templates, request, deadline, plan.toFetch, plan.toContinue, plan.results, plan.medications);
            queried = true;
        }
        Map<DataKey, KeyResult> results = plan.results;
        if (!observers.isEmpty()) {
            tell(plan, queried);
        }
        List<String> unknown = results.values().stream().filter(r -> r instanceof KeyResult.Unknown)
                .map(r -> ((KeyResult.Unknown) r).reason()).toList();
        if (!unknown.isEmpty()) {
            log.info("patient data unknown: {}", unknown);
        }
        return new PatientData(results, plan.medications);
    }

    private void fetch(Map<DataKey, String> templates, FetchRequest request, long deadline, Map<DataKey, String> toFetch,
                       Map<DataKey, PageReader.Page> toContinue, Map<DataKey, KeyResult> results,
                       List<FhirResource> medications) {
        Map<DataKey, KeyFetch> fetches = new EnumMap<>(DataKey.class);
        // the rules' clock read before the fetch: their windows start no earlier than the ones paged to here
        java.time.Instant now = clock.instant();
        Map<DataKey, CompletableFuture<KeyResult>> futures = new EnumMap<>(DataKey.class);
        int maxEntries = client.properties().maxEntries();
        try (FetchSession session = new FetchSession(client, reader, request.fhirServer(), request.accessToken(),
                deadline)) {
            toFetch.forEach((key, template) -> {
                TemplateRenderer.Rendered rendered;
                try {
                    rendered = TemplateRenderer.render(request.fhirServer(), template, request.tokens());
                } catch (IllegalArgumentException e) {
                    results.put(key, unknown(key, "fhirServer or the query is not a valid URL"));
                    return;
                }
                if (rendered.missingToken() != null) {
                    results.put(key, unknown(key, "its query needs " + rendered.missingToken()
                            + ", which the hook did not send"));
                    return;
                }
                KeyFetch acc = new KeyFetch(key, maxEntries, requestedCount(template), need(key, now));
                String fallback = PrefetchTemplates.fallback(template);
                if (fallback != null) {
                    acc.fallback(TemplateRenderer.render(request.fhirServer(), fallback, request.tokens()).uri());
                }
                fetches.put(key, acc);
                futures.put(key, session.fetch(acc, rendered.uri()));
                if (client.properties().sequential()) {
                    await(List.of(futures.get(key)), session.remainingMillis());
                }
            });
            toContinue.forEach((key, page) -> {
                KeyFetch acc = new KeyFetch(key, maxEntries, requestedCount(templates.get(key)), need(key, now));
                acc.add(page);
                fetches.put(key, acc);
                futures.put(key, session.next(acc, page.next()));
                if (client.properties().sequential()) {
                    await(List.of(futures.get(key)), session.remainingMillis());
                }
            });
            await(futures.values(), session.remainingMillis());
            String late = "no answer within the " + client.properties().deadline().toMillis() + " ms deadline";
            fetches.forEach((key, acc) -> {
                CompletableFuture<KeyResult> f = futures.get(key);
                KeyResult r = f.isDone() && !f.isCompletedExceptionally() ? f.join() : acc.result(late);
                acc.close();
                results.put(key, r);
                medications.addAll(acc.medications());
            });
        }
    }

    private void tell(PrefetchPlan plan, boolean queried) {
        plan.results.forEach((key, result) -> {
            FetchObserver.Source source;
            if (plan.toFetch.containsKey(key)) {
                source = queried ? FetchObserver.Source.FETCHED : FetchObserver.Source.UNAVAILABLE;
            } else {
                source = queried && plan.toContinue.containsKey(key) ? FetchObserver.Source.FETCHED
                        : FetchObserver.Source.PREFETCH;
            }
            for (FetchObserver o : observers) {
                o.observed(key, source, result);
            }
        });
    }

    private static void await(java.util.Collection<CompletableFuture<KeyResult>> futures, long millis) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(Math.max(millis, 0),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // what is not done by now is taken as it is; the session cancels the rest
        }
    }

    private LabPaging.Need need(DataKey key, java.time.Instant now) {
        return labPaging == null ? null : labPaging.need(key, now);
    }

    /** The template's {@code _count}, or 0. */
    static int requestedCount(String template) {
        if (template == null) {
            return 0;
        }
        Matcher m = COUNT.matcher(template);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static KeyResult unknown(DataKey key, String why) {
        return PrefetchPlan.unknown(key, why);
    }
}
