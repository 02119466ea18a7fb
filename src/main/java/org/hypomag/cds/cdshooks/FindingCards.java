package org.hypomag.cds.cdshooks;

import static org.hypomag.cds.cdshooks.Wording.fill;
import static org.hypomag.cds.cdshooks.Wording.md;
import static org.hypomag.cds.cdshooks.Wording.values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.CouldNotCheck;
import org.hypomag.cds.clinical.HyperMgFinding;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MonitoringKind;
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
        Suggestion recheck = labs.suggestion(labs.mgOrder(a, MonitoringKind.MG_RECHECK, "D3"), patientId, true);
        return Optional.of(factory.card("stale-recheck", s.indicator(), values("value", Wording.lab(s.valueMgDl()),
                "gradeThen", gradeThen, "ageDays", ageDays), body, List.of(recheck), SelectionBehavior.ANY));
    }

    Optional<Card> hyperMg(Assessment a) {
        HyperMgFinding h = a.hyperMg();
        if (h == null) {
            return Optional.empty();
        }
        String value = Wording.lab(h.valueMgDl());
        String body = fill(detail.f("hyper-body"), values("value", value, "reported", detail.reported(h.reported()),
                "dateTime", Wording.dateTime(h.source()), "upper", Wording.lab(h.upperLimit())))
                + "\n\n" + detail.text(TextKeys.HYPER_SIGNS) + "\n\n**" + detail.text(TextKeys.HYPER_NO_MORE_MG)
                + "**\n\n" + detail.text(TextKeys.MONITORING_ANTIDOTE);
        IndicatorLevel level = h.indicator() == IndicatorLevel.CRITICAL ? IndicatorLevel.WARNING : h.indicator();
        return Optional.of(factory.card("hypermag", level, values("value", value, "date", Wording.date(h.source()),
                "upper", Wording.lab(h.upperLimit())), body, List.of(), null));
    }

    Optional<Card> urgentMg(Assessment a, String patientId) {
        UrgentMgFinding u = a.urgentMg();
        if (u == null) {
            return Optional.empty();
        }
        String conditions = AlertCards.labels(u.conditions());
        String body = fill(detail.f("urgent-body"), values("conditions", md(capitalise(conditions)),
                "when", detail.when(u.conditions().get(0)), "staleHours", String.valueOf(knowledge.thresholds().mgStaleAfter().toHours())));
        Suggestion order = labs.suggestion(labs.mgOrder(a, MonitoringKind.MG_URGENT, "D14"), patientId, true);
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
