package org.hypomag.cds.cdshooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hypomag.cds.cards.Card;
import org.hypomag.cds.cards.TrendLinks;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.fhir.FetchRequest;
import org.hypomag.cds.fhir.PatientData;
import org.hypomag.cds.fhir.PatientDataResolver;
import org.hypomag.cds.fhir.SnapshotMapper;
import org.hypomag.cds.security.CallerIdentity;
import org.hypomag.cds.security.FhirServerPolicy;
import org.springframework.stereotype.Component;

/**
 * Runs one hook call, top to bottom: validate → resolve patient data (prefetch, else the EHR's FHIR server)
 * → snapshot → the service's assessment and cards (with the trend app link, issue 17). The inbound request is
 * never mutated.
 */
@Component
class HookCallRunner {

    private final CdsServiceRegistry registry;
    private final HookRequestValidator validator;
    private final PatientDataResolver resolver;
    private final SnapshotMapper mapper;
    private final CardLedger ledger;
    private final CardDeduplicator deduplicator;
    private final FhirServerPolicy fhirServerPolicy;
    private final TrendLinks trendLinks;
    private final Clock clock;

    HookCallRunner(CdsServiceRegistry registry, HookRequestValidator validator, PatientDataResolver resolver,
                   SnapshotMapper mapper, CardLedger ledger, CardDeduplicator deduplicator,
                   FhirServerPolicy fhirServerPolicy, TrendLinks trendLinks, Clock clock) {
        this.registry = registry;
        this.validator = validator;
        this.resolver = resolver;
        this.mapper = mapper;
        this.ledger = ledger;
        this.deduplicator = deduplicator;
        this.fhirServerPolicy = fhirServerPolicy;
        this.trendLinks = trendLinks;
        this.clock = clock;
    }

    /** @param trendLaunchUrl the SMART trend app's launch URL the linked cards carry; null: no link */
    CdsResponse run(String serviceId, CdsRequest request, CallerIdentity caller, String trendLaunchUrl) {
        CdsService service = registry.find(serviceId);
        HookCall call = validator.validate(service, request);
        FetchRequest fetch = call.fetch();
        if (fetch.fhirServer() != null) {
            // before anything is fetched: the access token may only go to a server this caller may name
            fhirServerPolicy.check(caller, fetch.fhirServer(), fetch.accessToken() != null);
        }
        PatientData data = resolver.resolve(service.descriptor().templates(), fetch);
        PatientSnapshot snapshot = mapper.toSnapshot(call.patientId(), call.encounterId(), data, call.draftOrders(),
                call.selections(), service.descriptor().allDraftsSelected());
        Instant now = clock.instant();
        List<Card> cards = service.cards(snapshot, call, now);
        String owner = CardLedger.owner(caller);
        if (service.isLastSafetyNet()) {
            cards = deduplicator.withoutAnswered(owner, call, cards, snapshot.drafts());
        }
        ledger.record(owner, call, cards, now);
        return CdsResponse.of(trendLinks.withTrendLink(cards, trendLaunchUrl));
    }
}
