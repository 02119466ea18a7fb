package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.lab;
import static org.hypomag.cds.cards.Wording.md;
import static org.hypomag.cds.cards.Wording.values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.clinical.ElectrolyteFinding;
import org.hypomag.cds.clinical.EmergencyFinding;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MgFinding;
import org.hypomag.cds.clinical.RenalBand;
import org.hypomag.cds.clinical.RenalFunction;
import org.hypomag.cds.clinical.RenalMethod;
import org.hypomag.cds.clinical.SourceRef;
import org.hypomag.cds.knowledge.CardTexts;

/**
 * The facts paragraphs of the alert detail (markdown): the value and grade, the trend, the renal function
 * used (D19: which value and its date), potassium and calcium. Every record-derived string is escaped.
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

    /** Serum Mg in mg/dL, 1 decimal, never shown across a grade boundary (D1, D2). */
    String mg(BigDecimal value) {
        return Wording.mg(value, knowledge.thresholds().mgSevereBelow(), knowledge.thresholds().mgModerateUpTo(),
                knowledge.thresholds().mgLowerLimit(), knowledge.thresholds().mgUpperLimit());
    }

    String mg(MgFinding m) {
        return Wording.mg(m.valueMgDl(), m.comparator(), knowledge.thresholds().mgSevereBelow(),
                knowledge.thresholds().mgModerateUpTo(), m.lowerLimit(), m.upperLimit());
    }

    String mgLine(MgFinding m) {
        return fill(f("mg-line"), values("value", mg(m), "reported", reported(m.reported()),
                "dateTime", Wording.dateTime(m.source()), "grade", grade(m), "lower", lab(m.lowerLimit()),
                "severe", lab(knowledge.thresholds().mgSevereBelow()),
                "moderateTop", lab(knowledge.thresholds().mgModerateUpTo())));
    }

    /** The first line of the alert: what (grade, value, date). */
    String what(MgFinding m) {
        String g = grade(m);
        return fill(f("what"), values("gradeTitle", Character.toUpperCase(g.charAt(0)) + g.substring(1),
                "value", mg(m), "reported", reported(m.reported()), "dateTime", Wording.dateTime(m.source())));
    }

    String grades(MgFinding m) {
        return fill(f("grades"), values("lower", lab(m.lowerLimit()),
                "severe", lab(knowledge.thresholds().mgSevereBelow()),
                "moderateTop", lab(knowledge.thresholds().mgModerateUpTo())));
    }

    /** "onset 2026-11-22 22:05 UTC" / "recorded ..." / "diagnosis of this encounter" (D18). */
    String when(EmergencyFinding e) {
        if (e.source() == null || e.source().time() == null) {
            return f("when-undated");
        }
        return fill(f(e.onset() ? "when-onset" : "when-recorded"), values("dateTime", Wording.dateTime(e.source())));
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
        return fill(f("trend-previous"), values("value", mg(m.previousMgDl()), "date", Wording.date(m.previous()),
                "change", change));
    }

    /** The kidney function line when no dose is suggested (no "doses are used" then). */
    String renal(RenalFunction r, boolean anyDose) {
        if (!anyDose && (r == null || r.band() == RenalBand.UNKNOWN || (r.egfr() == null && !r.dialysis()))) {
            String reason = r == null || r.unknownReason() == null ? "no current creatinine or eGFR" : r.unknownReason();
            return fill(f("renal-unknown-no-dose"), values("reason", md(reason)));
        }
        return renal(r);
    }

    String renal(RenalFunction r) {
        if (r != null && r.band() == RenalBand.DIALYSIS) {
            SourceRef c = r.basedOn();
            return fill(f("renal-dialysis"), values("when", Wording.date(c)));
        }
        if (r == null || r.band() == RenalBand.UNKNOWN || r.egfr() == null) {
            String reason = r == null || r.unknownReason() == null ? "no current creatinine or eGFR" : r.unknownReason();
            return fill(f("renal-unknown"), values("reason", md(reason)));
        }
        String method = fill(f("method-" + r.method().name()), values("date", Wording.date(r.basedOn()),
                "creatinine", lab(r.creatinineMgDl())));
        return fill(f("renal-known"), values("egfr", Wording.egfr(r.egfr()), "method", method,
                "band", f("band-" + r.band().name()), "notUsed", notUsed(r.notUsed())));
    }

    private String notUsed(RenalFunction.NotUsed n) {
        if (n == null) {
            return "";
        }
        String other = n.method() == RenalMethod.REPORTED
                ? fill(f("renal-other-REPORTED"), values("egfr", Wording.egfr(n.egfr())))
                : n.egfr() == null ? f("renal-other-creatinine")
                : fill(f("renal-other-computed"), values("egfr", Wording.egfr(n.egfr())));
        return fill(f(n.older() ? "renal-not-used-older" : "renal-not-used-higher"), values("other", other,
                "date", Wording.date(n.source())));
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

    /** Value, trend, renal function, K and Ca as paragraphs (the order cards show these). */
    List<String> facts(MgFinding m, RenalFunction renal, ElectrolyteFinding k, ElectrolyteFinding ca) {
        List<String> out = new ArrayList<>();
        out.add(mgLine(m));
        out.addAll(context(m, renal, k, ca));
        return out;
    }

    /** Trend, renal function, K and Ca (the alert's details part; its first line already gave the value). */
    List<String> context(MgFinding m, RenalFunction renal, ElectrolyteFinding k, ElectrolyteFinding ca) {
        return context(m, renal, k, ca, true);
    }

    List<String> context(MgFinding m, RenalFunction renal, ElectrolyteFinding k, ElectrolyteFinding ca,
                         boolean anyDose) {
        List<String> out = new ArrayList<>();
        out.add(trend(m));
        out.add(renal(renal, anyDose));
        if (k != null) {
            out.add(electrolyte(k));
        }
        if (ca != null) {
            out.add(electrolyte(ca));
        }
        return out;
    }
}
