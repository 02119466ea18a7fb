package org.hypomag.cds.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hypomag.cds.clinical.OrderReview.MgOrderCheck;
import org.hypomag.cds.clinical.OrderReview.MgRoute;
import org.hypomag.cds.clinical.OrderReview.Situation;
import org.hypomag.cds.clinical.OrderReview.WastingDrugOrders;

/**
 * The order-entry rules (issue 5): drafted Mg-wasting drugs meet the patient's Mg situation (D10, D13,
 * D16), and drafted magnesium orders are checked against the dose rules the patient-view card would use
 * (D5-D8, D11, D15, D16). Pure: the assessment of the same snapshot is an argument.
 */
public final class OrderReviewer {

    private OrderReviewer() {
    }

    public static OrderReview review(PatientSnapshot snapshot, Assessment assessment, Knowledge knowledge,
                                     Instant now) {
        if (assessment.deceased()) {
            return new OrderReview(null, List.of()); // D21: no card on any hook
        }
        DrugMatcher matcher = DrugMatcher.of(knowledge.drugs());
        List<DraftOrder> wasting = new ArrayList<>();
        Set<String> draftedClasses = new LinkedHashSet<>();
        List<MgOrderCheck> mgOrders = new ArrayList<>();
        boolean mgOrderDrafted = false;
        boolean otherIndication = ConditionRule.anyCurrent(snapshot, knowledge.conditions().mgIndications(), knowledge,
                now);
        for (DraftOrder draft : snapshot.drafts()) {
            if (!"MedicationRequest".equals(draft.resourceType())) {
                continue;
            }
            List<DrugMatch> matches = matcher.match(draft.codes(), draft.text());
            boolean mgSource = matches.stream().anyMatch(m -> m.role() == DrugRole.MG_SOURCE);
            mgOrderDrafted |= mgSource;
            if (!draft.selected()) {
                continue;
            }
            if (mgSource) {
                String wrongSystem = matches.stream().filter(m -> m.role() == DrugRole.MG_SOURCE
                        && m.how() == DrugMatch.How.ATC_WRONG_SYSTEM).map(DrugMatch::evidence).findFirst().orElse(null);
                mgOrders.add(MgOrderChecks.check(draft, route(draft), assessment, knowledge, otherIndication,
                        wrongSystem));
            }
            List<DrugMatch> causes = matches.stream().filter(m -> m.role() == DrugRole.CAUSE).toList();
            if (!causes.isEmpty()) {
                wasting.add(draft);
                causes.forEach(c -> draftedClasses.add(c.classId()));
            }
        }
        return new OrderReview(wastingDrugs(snapshot, assessment, knowledge, now, wasting, draftedClasses,
                mgOrderDrafted), mgOrders);
    }

    private static WastingDrugOrders wastingDrugs(PatientSnapshot snapshot, Assessment assessment,
                                                  Knowledge knowledge, Instant now, List<DraftOrder> drafts,
                                                  Set<String> drafted, boolean mgOrderDrafted) {
        if (drafts.isEmpty()) {
            return null;
        }
        List<String> active = assessment.drugCauses().stream().map(DrugCauseFinding::classId).distinct().toList();
        Set<String> all = new LinkedHashSet<>(drafted);
        all.addAll(active);
        boolean combination = all.size() >= 2;
        Situation situation;
        IndicatorLevel indicator = IndicatorLevel.INFO;
        if (assessment.lowMagnesium()) {
            if (mgOrderDrafted) {
                return null; // treatment is already being ordered: the Mg order check speaks for it (no loop)
            }
            situation = Situation.LOW_MG;
            indicator = assessment.alertIndicator() == null ? IndicatorLevel.WARNING : assessment.alertIndicator();
            if (combination) {
                indicator = indicator.stepUp();
            }
        } else if (assessment.magnesium() == null && assessment.staleLow() != null) {
            situation = Situation.STALE_LOW_MG;
        } else if (Labs.current(snapshot, knowledge, Analyte.MAGNESIUM, knowledge.thresholds().gapNoMg(), now).isEmpty()) {
            situation = Situation.NO_MG_IN_WINDOW;
        } else {
            return null; // recent or stale normal Mg within the window, or high Mg: no card (D12, D16)
        }
        MonitoringOrder mgOrder = switch (situation) {
            case LOW_MG -> null;
            case NO_MG_IN_WINDOW -> MonitoringRule.mgOrder(assessment.monitoring(), MonitoringKind.MG_BASELINE,
                    RuleId.D10,
                    knowledge.orderables());
            case STALE_LOW_MG -> MonitoringRule.mgOrder(assessment.monitoring(), MonitoringKind.MG_RECHECK, RuleId.D3,
                    knowledge.orderables());
        };
        return new WastingDrugOrders(drafts, draftedCauses(drafts, assessment, knowledge), List.copyOf(drafted),
                active, situation, indicator, combination, mgOrderDrafted, mgOrder);
    }

    /** The drafted drugs as D9 findings, with the same texts (and renal condition on advice) as patient-view. */
    private static List<DrugCauseFinding> draftedCauses(List<DraftOrder> drafts, Assessment a, Knowledge k) {
        DrugMatcher matcher = DrugMatcher.of(k.drugs());
        java.util.Map<String, List<MedicationUse>> byClass = new java.util.LinkedHashMap<>();
        for (DraftOrder d : drafts) {
            MedicationUse use = new MedicationUse(d.codes(), d.text(), d.status(),
                    new SourceRef(d.resourceType() + "/" + d.id(), null));
            matcher.causes(d.codes(), d.text()).forEach(m ->
                    byClass.computeIfAbsent(m.classId(), x -> new ArrayList<>()).add(use));
        }
        java.util.Map<DrugClass, List<MedicationUse>> ordered = new java.util.LinkedHashMap<>();
        k.drugs().classes().stream().filter(c -> byClass.containsKey(c.id()))
                .forEach(c -> ordered.put(c, byClass.get(c.id())));
        RenalBand band = a.renal() == null ? RenalBand.UNKNOWN : a.renal().band();
        return DrugCauseRule.findings(ordered, band);
    }

    /** IV unless the route or the text says oral (magnesium sulfate is the only injectable salt, §5.1). */
    static MgRoute route(DraftOrder draft) {
        String route = draft.route() == null ? "" : draft.route().toLowerCase(Locale.ROOT);
        String text = (draft.text() + " " + draft.codes().stream().map(c -> c.display() == null ? "" : c.display())
                .reduce("", (a, b) -> a + " " + b)).toLowerCase(Locale.ROOT);
        boolean oralRoute = route.contains("oral") || route.equals("po") || route.contains("26643006");
        boolean ivRoute = route.contains("intravenous") || route.equals("iv") || route.contains("47625008");
        if (oralRoute) {
            return MgRoute.ORAL;
        }
        if (ivRoute) {
            return MgRoute.IV_SULFATE;
        }
        boolean sulfate = text.contains("sulfate") || text.contains("sulphate") || text.contains("mgso4")
                || draft.codes().stream().anyMatch(c -> c.code().equals("B05XA05"));
        boolean oralText = text.contains("oral") || text.contains("tablet") || text.contains("capsule")
                || text.contains("oxide") || text.contains("citrate") || text.contains("gluconate");
        return sulfate && !oralText ? MgRoute.IV_SULFATE : MgRoute.ORAL;
    }
}
