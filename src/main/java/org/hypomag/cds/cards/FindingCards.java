package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.md;
import static org.hypomag.cds.cards.Wording.values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.CouldNotCheck;
import org.hypomag.cds.clinical.HyperMgFinding;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MgSourceDrug;
import org.hypomag.cds.clinical.StaleLowFinding;
import org.hypomag.cds.clinical.TextKeys;
import org.hypomag.cds.clinical.UrgentMgFinding;

/** The cards of single findings: stale low (D3), high Mg (D11), urgent Mg (D14), could not check (D14). */
final class FindingCards {

    private final CardFactory factory;
    private final AlertDetail detail;
    private final LabCards labs;
    private final Knowledge knowledge;

    FindingCards(CardFactory factory, AlertDetail detail, LabCards labs, Knowledge knowledge) {
        this.factory = factory;
        this.detail = detail;
        this.labs = labs;
        this.knowledge = knowledge;
    }

    Optional<Card> staleLow(Assessment a, String patientId) {
        StaleLowFinding s = a.staleLow();
        if (s == null) {
            return Optional.empty();
        }
        String gradeThen = detail.f("grade-" + s.gradeThen().name());
        String ageDays = String.valueOf(s.ageHours() / 24);
        String body = fill(detail.f("stale-body"), values("value", Wording.lab(s.valueMgDl()), "reported",
                detail.reported(s.reported()), "dateTime", Wording.dateTime(s.source()), "gradeThen", gradeThen,
                "ageDays", ageDays, "staleHours", String.valueOf(knowledge.thresholds().mgStaleAfter().toHours())));
        Suggestion recheck = labs.suggestion(s.recheck(), patientId, true);
        return Optional.of(factory.card("stale-recheck", s.indicator(), values("value", Wording.lab(s.valueMgDl()),
                "gradeThen", gradeThen, "ageDays", ageDays), body, List.of(recheck), SelectionBehavior.ANY));
    }

    Optional<Card> hyperMg(Assessment a, String patientId) {
        HyperMgFinding h = a.hyperMg();
        if (h == null) {
            return Optional.empty();
        }
        String value = Wording.lab(h.valueMgDl());
        StringBuilder body = new StringBuilder(fill(detail.f("hyper-body"), values("value", value,
                "reported", detail.reported(h.reported()), "dateTime", Wording.dateTime(h.source()),
                "upper", Wording.lab(h.upperLimit()))));
        List<Suggestion> suggestions = new ArrayList<>();
        if (!h.mgSources().isEmpty()) { // issue 19 item 10: name the source, suggest stopping it and a re-check
            String egfr = egfr(a);
            for (MgSourceDrug d : h.mgSources()) {
                String drug = md(d.text().isBlank() ? d.classId() : d.text());
                String dose = d.dose().isBlank() ? detail.f("hyper-source-no-dose") : md(d.dose());
                body.append("\n\n").append(fill(detail.f(d.request() ? "hyper-source-request" : "hyper-source-statement"),
                        values("drug", drug, "dose", dose, "egfr", egfr)));
                if (d.request()) {
                    String label = fill(detail.f("hyper-source-stop"), values("drug",
                            Wording.plain(d.text().isBlank() ? d.classId() : d.text())));
                    suggestions.add(new Suggestion(label, java.util.UUID.randomUUID().toString(), false,
                            List.of(new Action(ActionType.DELETE, label, null, d.source().reference()))));
                }
            }
            suggestions.add(labs.suggestion(h.recheck(), patientId, false));
        } else {
            body.append(' ').append(detail.f("hyper-review-drugs"));
        }
        body.append("\n\n").append(detail.text(TextKeys.HYPER_SIGNS)).append("\n\n**")
                .append(detail.text(TextKeys.HYPER_NO_MORE_MG)).append("**\n\n")
                .append(detail.text(TextKeys.MONITORING_ANTIDOTE));
        String withDrug = h.mgSources().isEmpty() ? "" : fill(detail.f("hyper-summary-drug"), values("drug",
                Wording.plain(h.mgSources().get(0).text())));
        return Optional.of(factory.card("hypermag", h.indicator(), values("value", value, "date", Wording.date(h.source()),
                "upper", Wording.lab(h.upperLimit()), "withDrug", withDrug), body.toString(), suggestions,
                SelectionBehavior.ANY));
    }

    /** eGFR rounded for display, or why there is none (dialysis, unknown). */
    private String egfr(Assessment a) {
        if (a.renal() == null || a.renal().egfr() == null) {
            return a.renal() != null && a.renal().band() == org.hypomag.cds.clinical.RenalBand.DIALYSIS
                    ? detail.f("hyper-egfr-dialysis") : detail.f("hyper-egfr-unknown");
        }
        return fill(detail.f("hyper-egfr"), values("egfr", Wording.num(a.renal().egfr().setScale(0,
                java.math.RoundingMode.HALF_UP)), "date", Wording.date(a.renal().sources().isEmpty() ? null
                : a.renal().sources().get(0))));
    }

    Optional<Card> urgentMg(Assessment a, String patientId) {
        UrgentMgFinding u = a.urgentMg();
        if (u == null) {
            return Optional.empty();
        }
        String conditions = AlertCards.labels(u.conditions());
        String body = fill(detail.f("urgent-body"), values("conditions", md(capitalise(conditions)),
                "when", detail.when(u.conditions().get(0)), "staleHours", String.valueOf(knowledge.thresholds().mgStaleAfter().toHours())));
        Suggestion order = labs.suggestion(u.order(), patientId, true);
        return Optional.of(factory.card("urgent-mg", u.indicator(), values("conditions",
                Wording.plain(capitalise(conditions))), body, List.of(order), SelectionBehavior.ANY));
    }

    /** One card listing everything that could not be checked (D14): never a reassuring silence. */
    Optional<Card> couldNotCheck(Assessment a) {
        if (a.couldNotCheck().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> byWhat = new LinkedHashMap<>();
        for (CouldNotCheck c : a.couldNotCheck()) {
            String name = factory.texts().fragments().getOrDefault("cnc-name-" + c.what(), c.what());
            byWhat.merge(name, c.reason() == null ? "unknown reason" : c.reason(), (x, y) -> x + "; " + y);
        }
        StringBuilder body = new StringBuilder(detail.f("cnc-intro"));
        byWhat.forEach((what, reason) -> body.append('\n').append(fill(detail.f("cnc-line"),
                values("what", md(what), "reason", md(reason)))));
        return Optional.of(factory.card("could-not-check", IndicatorLevel.INFO, values("whats",
                Wording.plain(Wording.join(List.copyOf(byWhat.keySet()))), "count", String.valueOf(byWhat.size())),
                body.toString(), List.of(), null));
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
