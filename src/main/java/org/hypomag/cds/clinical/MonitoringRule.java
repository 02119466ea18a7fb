package org.hypomag.cds.clinical;

import java.util.ArrayList;
import java.util.List;

/** D8 (Mg 6-12 h after the infusion, K, Ca where low), D6 (creatinine when renal unknown), D3, D10, D14. */
final class MonitoringRule {

    private MonitoringRule() {
    }

    static List<MonitoringOrder> orders(Knowledge k, boolean anyIv, boolean calciumLow, boolean renalUnknownAndLow,
                                        boolean staleLow, boolean gap, boolean urgent) {
        Orderables o = k.orderables();
        List<MonitoringOrder> out = new ArrayList<>();
        if (urgent) {
            out.add(urgent(o));
        }
        if (anyIv) {
            out.add(order(RuleId.D8, MonitoringKind.MG_AFTER_INFUSION, o.magnesium(), TextKeys.REASON_MG_AFTER_INFUSION,
                    o.mgAfterInfusionHoursMin(), o.mgAfterInfusionHoursMax()));
            out.add(order(RuleId.D8, MonitoringKind.POTASSIUM, o.potassium(), TextKeys.REASON_POTASSIUM, null, null));
            if (calciumLow) {
                out.add(order(RuleId.D8, MonitoringKind.CALCIUM, o.calcium(), TextKeys.REASON_CALCIUM, null, null));
            }
        }
        if (renalUnknownAndLow) {
            out.add(order(RuleId.D6, MonitoringKind.CREATININE, o.creatinine(), TextKeys.REASON_CREATININE, null,
                    null));
        }
        if (staleLow) {
            out.add(recheck(o));
        }
        if (gap && !staleLow && !urgent) {
            out.add(order(RuleId.D10, MonitoringKind.MG_BASELINE, o.magnesium(), TextKeys.REASON_BASELINE, null, null));
        }
        return out;
    }

    /** D3: the serum Mg re-check of a stale low. */
    static MonitoringOrder recheck(Orderables o) {
        return order(RuleId.D3, MonitoringKind.MG_RECHECK, o.magnesium(), TextKeys.REASON_RECHECK, null, null);
    }

    /** D14: the urgent serum Mg of an emergency condition with no current Mg. */
    static MonitoringOrder urgent(Orderables o) {
        return order(RuleId.D14, MonitoringKind.MG_URGENT, o.magnesium(), TextKeys.REASON_URGENT, null, null);
    }

    /**
     * The serum Mg order a finding or a draft check suggests (D3, D10, D11, D14): the assessment's own order of
     * that kind when it has one, else one built from the orderable code (label "Serum magnesium", no reason text).
     */
    static MonitoringOrder mgOrder(List<MonitoringOrder> monitoring, MonitoringKind kind, RuleId rule,
                                   Orderables o) {
        return monitoring.stream().filter(m -> m.kind() == kind).findFirst()
                .orElseGet(() -> new MonitoringOrder(rule.id(), kind, o.magnesium(), "Serum magnesium", null, null,
                        null));
    }

    private static MonitoringOrder order(RuleId rule, MonitoringKind kind, Code code, String reason, Integer min,
                                         Integer max) {
        return new MonitoringOrder(rule.id(), kind, code, code.display(), min, max, reason);
    }
}
