package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.md;
import static org.hypomag.cds.cards.Wording.num;
import static org.hypomag.cds.cards.Wording.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.OrderReview.MgOrderCheck;
import org.hypomag.cds.clinical.OrderReview.Problem;
import org.hypomag.cds.clinical.OrderReview.ReadNote;
import org.hypomag.cds.clinical.TextKeys;

/**
 * A drafted magnesium order that deviates from the rules (D5-D8, D11, D15, D16): a warning saying what
 * deviates, with the corrected order as an {@code update} of the same draft (never a second order), a
 * {@code delete} where there is no indication, and the monitoring the rules require. A draft that agrees
 * with the rules gets no card (no loop after an accepted suggestion).
 */
final class MgOrderCards {

    private final CardFactory factory;
    private final AlertDetail detail;
    private final LabCards labs;
    private final OrderWording wording;
    private final SuggestedOrders orders;
    private final Knowledge knowledge;

    MgOrderCards(CardFactory factory, AlertDetail detail, LabCards labs, OrderWording wording,
                 SuggestedOrders orders, Knowledge knowledge) {
        this.factory = factory;
        this.detail = detail;
        this.labs = labs;
        this.wording = wording;
        this.orders = orders;
        this.knowledge = knowledge;
    }

    Optional<Card> card(MgOrderCheck c, Assessment a, String patientId) {
        if (c.problems().isEmpty() && c.notes().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> v = checkValues(c, a);
        List<String> parts = new ArrayList<>();
        for (Problem p : c.problems()) {
            parts.add(fill(f("mgcheck-" + p.name()), v));
        }
        for (ReadNote n : c.notes()) {
            parts.add(fill(f("mgnote-" + n.name()), v));
        }
        if (c.corrected() != null) {
            changes(c).ifPresent(parts::add);
        }
        if (a.magnesium() != null) {
            List<String> facts = detail.facts(a.magnesium(), a.renal(), a.potassium(), a.calcium());
            // a normal or high Mg is stated by the problem line; the alert's grade line would read "normal hypomagnesemia"
            parts.addAll(a.lowMagnesium() ? facts : facts.subList(1, facts.size()));
        }
        if (c.holdNextDoseUntilMgResult() && c.corrected() != null && !c.problems().contains(Problem.RENAL_CUT_MISSING)) {
            parts.add(knowledge.texts().text(TextKeys.RENAL_HOLD_NEXT));
        }
        if (c.problems().contains(Problem.HYPERMAGNESEMIA)) {
            parts.add(knowledge.texts().text(TextKeys.HYPER_SIGNS) + " " + knowledge.texts().text(TextKeys.MONITORING_ANTIDOTE));
        } else if (c.givesIv()) { // once per card, not in every order
            parts.add(knowledge.texts().text(TextKeys.MONITORING_WATCH) + " "
                    + knowledge.texts().text(TextKeys.MONITORING_ANTIDOTE));
        }
        String summary = c.problems().isEmpty() ? fill(f("mgnote-short-" + c.notes().get(0).name()), plain(v))
                : fill(f("mgcheck-short-" + c.problems().get(0).name()), plain(v));
        return Optional.of(factory.card("order-mg-check", c.indicator(), values("problem", summary),
                String.join("\n\n", parts), suggestions(c, a, patientId), SelectionBehavior.ANY));
    }

    /** Every field the suggested update changes besides the one the problem names, said in words (issue 19 item 14). */
    private Optional<String> changes(MgOrderCheck c) {
        List<String> changed = new ArrayList<>();
        BigDecimal to = c.corrected().doseGrams();
        if (c.doseGrams() == null || c.doseGrams().compareTo(to) != 0) {
            changed.add(fill(f("mgcheck-change-dose"), values("from", c.doseGrams() == null ? f("mgcheck-unread")
                    : num(c.doseGrams()) + " g", "to", num(to) + " g")));
        }
        int toMinutes = c.corrected().durationMinutes();
        if (c.durationMinutes() == null || c.durationMinutes().compareTo(BigDecimal.valueOf(toMinutes)) != 0) {
            changed.add(fill(f("mgcheck-change-duration"), values("from", c.durationMinutes() == null
                    ? f("mgcheck-none") : minutes(c.durationMinutes()), "to", Wording.duration(toMinutes))));
        }
        return changed.isEmpty() ? Optional.empty()
                : Optional.of(fill(f("mgcheck-changes"), values("changes", Wording.join(changed))));
    }

    private Map<String, String> checkValues(MgOrderCheck c, Assessment a) {
        BigDecimal grams = c.doseGrams();
        BigDecimal minutes = c.durationMinutes();
        Integer min = c.minDurationMinutes();
        String structured = c.draft().doseValue() == null ? f("mgcheck-none")
                : num(c.draft().doseValue()) + (c.draft().doseUnit() == null ? "" : " " + c.draft().doseUnit());
        String wrong = c.wrongSystemCode() == null ? "|" : c.wrongSystemCode();
        int bar = wrong.lastIndexOf('|');
        return values("dose", grams == null ? "?" : num(grams),
                "allowed", c.corrected() == null ? "" : num(c.corrected().doseGrams()),
                "value", a.magnesium() == null ? "" : Wording.lab(a.magnesium().valueMgDl(), a.magnesium().comparator()),
                "date", a.magnesium() == null ? "" : Wording.date(a.magnesium().source()),
                "egfr", a.renal() == null || a.renal().egfr() == null ? "unknown"
                        : num(a.renal().egfr().setScale(0, RoundingMode.HALF_UP)),
                "weight", a.body() == null || a.body().weightKg() == null ? ""
                        : num(a.body().weightKg().setScale(1, RoundingMode.HALF_UP)),
                "duration", minutes == null ? "?" : minutes(minutes),
                "minDuration", min == null ? "?" : Wording.duration(min),
                "rate", rate(grams, minutes),
                "maxRate", min == null ? "?" : rate(grams, BigDecimal.valueOf(min)),
                "structured", md(structured),
                "code", md(wrong.substring(bar + 1)),
                "system", md(systemName(wrong.substring(0, bar))));
    }

    /** "RxNorm", "SNOMED CT" for the usual system URIs, else the URI as sent. */
    private String systemName(String system) {
        if (system.isEmpty()) {
            return f("mgcheck-none");
        }
        String lower = system.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("rxnorm") ? "RxNorm" : lower.contains("snomed") ? "SNOMED CT"
                : lower.contains("ndc") ? "NDC" : system;
    }

    /** The same values for a plain-text summary (no markdown escapes). */
    private static Map<String, String> plain(Map<String, String> v) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        v.forEach((k, x) -> out.put(k, Wording.plain(x.replace("\\", ""))));
        return out;
    }

    /** "4 h", "90 min"; a fractional minute count is rounded for display. */
    private static String minutes(BigDecimal m) {
        return Wording.duration(m.setScale(0, RoundingMode.HALF_UP).intValueExact());
    }

    /** "2 g/h" (2 decimals at most), or "?" when not computable. */
    private static String rate(BigDecimal grams, BigDecimal minutes) {
        if (grams == null || minutes == null || minutes.signum() <= 0) {
            return "?";
        }
        return num(grams.multiply(BigDecimal.valueOf(60)).divide(minutes, 2, RoundingMode.HALF_UP)) + " g/h";
    }

    private List<Suggestion> suggestions(MgOrderCheck c, Assessment a, String patientId) {
        List<Suggestion> out = new ArrayList<>();
        String draftRef = c.draft().resourceType() + "/" + c.draft().id();
        if (c.corrected() != null) {
            String label = fill(f("mgcheck-update"), values("order", wording.describe(c.corrected())));
            out.add(new Suggestion(label, java.util.UUID.randomUUID().toString(), true, List.of(update(label,
                    orders.ivOrder(patientId, c.corrected(), f("mgcheck-reason"), c.draft().id())))));
        }
        if (c.deleteSuggested()) {
            String label = f("mgcheck-delete");
            out.add(new Suggestion(label, java.util.UUID.randomUUID().toString(), true,
                    List.of(new Action(ActionType.DELETE, label, null, draftRef))));
        }
        if (c.recheck() != null) {
            out.add(labs.suggestion(c.recheck(), patientId, out.isEmpty()));
        }
        for (MonitoringOrder o : c.labs()) {
            out.add(labs.suggestion(o, patientId, false));
        }
        return out;
    }

    private static Action update(String label, SuggestedOrders.Written order) {
        return new Action(ActionType.UPDATE, label, order.json(), null, order.facts());
    }

    private String f(String key) {
        return factory.texts().fragment(key);
    }
}
