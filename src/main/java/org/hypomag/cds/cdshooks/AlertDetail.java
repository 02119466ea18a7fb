package org.hypomag.cds.cdshooks;

import static org.hypomag.cds.cdshooks.Wording.fill;
import static org.hypomag.cds.cdshooks.Wording.lab;
import static org.hypomag.cds.cdshooks.Wording.md;
import static org.hypomag.cds.cdshooks.Wording.values;

import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.clinical.ElectrolyteFinding;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MgFinding;
import org.hypomag.cds.clinical.RenalBand;
import org.hypomag.cds.clinical.RenalFunction;
import org.hypomag.cds.clinical.SourceRef;
import org.hypomag.cds.knowledge.CardTexts;

/**
 * The facts paragraphs of the alert detail (markdown): the value and grade, the trend, the renal function
 * used, potassium and calcium. Every record-derived string is escaped.
 */
final class AlertDetail {

    private final CardTexts cards;
    private final Knowledge knowledge;

    AlertDetail(CardTexts cards, Knowledge knowledge) {
        this.cards = cards;
        this.knowledge = knowledge;
    }

    String f(String key) {
        return cards.fragment(key);
    }

    /** A clinical sentence of texts.yaml. */
    String text(String key) {
        return knowledge.texts().text(key);
    }

    String grade(MgFinding m) {
        return f("grade-" + m.grade().name());
    }

    String mgLine(MgFinding m) {
        return fill(f("mg-line"), values("value", lab(m.valueMgDl(), m.comparator()), "reported", reported(m.reported()),
                "dateTime", Wording.dateTime(m.source()), "grade", grade(m), "lower", lab(m.lowerLimit()),
                "severe", lab(knowledge.thresholds().mgSevereBelow()),
                "moderateTop", lab(knowledge.thresholds().mgModerateUpTo())));
    }

    String reported(String reported) {
        return reported == null || reported.isBlank() || reported.endsWith("mg/dL") ? ""
                : fill(f("mg-reported"), values("reported", md(reported)));
    }

    String trend(MgFinding m) {
        if (m.previousMgDl() == null) {
            return f("trend-none");
        }
        int c = m.valueMgDl().compareTo(m.previousMgDl());
        String change = f(c < 0 ? "trend-falling" : c > 0 ? "trend-rising" : "trend-unchanged");
        return fill(f("trend-previous"), values("value", lab(m.previousMgDl()), "date", Wording.date(m.previous()),
                "change", change));
    }

    String renal(RenalFunction r) {
        if (r == null || r.band() == RenalBand.UNKNOWN) {
            String reason = r == null || r.unknownReason() == null ? "no current creatinine or eGFR" : r.unknownReason();
            return fill(f("renal-unknown"), values("reason", md(reason)));
        }
        if (r.band() == RenalBand.DIALYSIS && r.egfr() == null) {
            return f("renal-dialysis");
        }
        SourceRef first = r.sources().isEmpty() ? null : r.sources().get(0);
        String method = fill(f("method-" + r.method().name()), values("date", Wording.date(first)));
        return fill(f("renal-known"), values("egfr", r.egfr() == null ? "?" : Wording.num(
                        r.egfr().setScale(0, java.math.RoundingMode.HALF_UP)), "method", method,
                "band", f("band-" + r.band().name())));
    }

    String electrolyte(ElectrolyteFinding e) {
        String name = f("analyte-" + e.analyte().name());
        if (!e.measured()) {
            return fill(f("electrolyte-none"), values("name", name));
        }
        String low = e.low() ? fill(f("electrolyte-low"), values("cutoff", lab(e.cutoff()), "unit", e.unit(),
                "cutoffSource", f(e.cutoffFromLab() ? "cutoff-lab" : "cutoff-default"))) : "";
        return fill(f("electrolyte-measured"), values("name", name, "value", lab(e.value()), "unit", e.unit(),
                "date", Wording.date(e.source()), "low", low));
    }

    /** Value, trend, renal function, K and Ca as paragraphs. */
    List<String> facts(MgFinding m, RenalFunction renal, ElectrolyteFinding k, ElectrolyteFinding ca) {
        List<String> out = new ArrayList<>();
        out.add(mgLine(m));
        out.add(trend(m));
        out.add(renal(renal));
        if (k != null) {
            out.add(electrolyte(k));
        }
        if (ca != null) {
            out.add(electrolyte(ca));
        }
        return out;
    }
}
