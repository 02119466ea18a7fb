package org.hypomag.cds.cards;

import static org.hypomag.cds.cards.Wording.fill;
import static org.hypomag.cds.cards.Wording.md;
import static org.hypomag.cds.cards.Wording.values;

import java.util.List;
import java.util.Optional;

import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.DrugCauseFinding;
import org.hypomag.cds.clinical.DrugClass;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.MonitoringGapFinding;
import org.hypomag.cds.clinical.MonitoringKind;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.TextKeys;

/**
 * Drug cards. Drug causes (D9) are ONE card listing every class: one override and one place to read, one
 * static topic for Epic to remember, and no stack of info cards on a patient with a PPI and two diuretics.
 * Shown only with a low (current or stale) Mg: a normal or high Mg gives no drug-cause card (D12).
 * The monitoring gap (D10) is an info card with a serum Mg order.
 */
final class DrugCards {

    private final CardFactory factory;
    private final LabCards labs;
    private final Knowledge knowledge;

    DrugCards(CardFactory factory, LabCards labs, Knowledge knowledge) {
        this.factory = factory;
        this.labs = labs;
        this.knowledge = knowledge;
    }

    Optional<Card> drugCauses(Assessment a) {
        if (a.drugCauses().isEmpty() || !(a.lowMagnesium() || a.staleLow() != null)) {
            return Optional.empty();
        }
        Lookup t = new Lookup();
        StringBuilder body = new StringBuilder(t.f("drug-intro"));
        java.util.Set<String> said = new java.util.HashSet<>();
        for (DrugCauseFinding d : a.drugCauses()) {
            body.append("\n\n").append(causeLines(d, said));
        }
        List<String> labels = a.drugCauses().stream().map(DrugCauseFinding::label).toList();
        IndicatorLevel level = a.drugCauses().stream().map(DrugCauseFinding::indicator)
                .filter(java.util.Objects::nonNull).max(Enum::compareTo).orElse(IndicatorLevel.INFO);
        String url = classUrl(a.drugCauses().stream().map(DrugCauseFinding::classId).toList());
        return Optional.of(factory.cardWithUrl("drug-cause", url, level, values("classes",
                Wording.plain(Wording.join(labels)), "count", String.valueOf(labels.size())), body.toString(),
                List.of(), null));
    }

    /** One drug class: its label and medications, what it does, how often, what the source suggests (D9). */
    String causeLines(DrugCauseFinding d) {
        return causeLines(d, new java.util.HashSet<>());
    }

    /** @param said lines already written on this card by an earlier class: not written again (one card, no sentence twice) */
    String causeLines(DrugCauseFinding d, java.util.Set<String> said) {
        Lookup t = new Lookup();
        StringBuilder out = new StringBuilder(fill(t.f("drug-class"), values("label", md(d.label()),
                "medications", md(String.join("; ", d.medicationTexts())))));
        Optional<DrugClass> c = knowledge.drugs().byId(d.classId());
        List<String> keys = new java.util.ArrayList<>(d.textKeys());
        if (d.generalKnowledge() && !keys.contains(TextKeys.DRUG_GENERAL_KNOWLEDGE)) {
            keys.add(TextKeys.DRUG_GENERAL_KNOWLEDGE);
        }
        for (String key : keys) {
            String line = t.line(fragmentFor(c, key), key);
            if (said.add(line)) {
                out.append('\n').append(line);
            }
        }
        return out.toString();
    }

    Optional<Card> monitoringGap(Assessment a, String patientId) {
        MonitoringGapFinding g = a.monitoringGap();
        if (g == null) {
            return Optional.empty();
        }
        Lookup t = new Lookup();
        List<DrugClass> classes = g.classIds().stream().map(id -> knowledge.drugs().byId(id))
                .flatMap(Optional::stream).toList();
        List<String> labels = classes.stream().map(DrugClass::label).toList();
        String gapDays = String.valueOf(knowledge.thresholds().gapNoMg().toDays());
        String onDrugDays = String.valueOf(knowledge.thresholds().gapOnDrug().toDays());
        String last = g.lastMg() == null ? t.f("gap-none")
                : fill(t.f("gap-last"), values("date", Wording.date(g.lastMg())));
        StringBuilder body = new StringBuilder(fill(t.f("gap-body"), values("classes", md(Wording.join(labels)),
                "medications", md(String.join("; ", g.medicationTexts())), "onDrugDays", onDrugDays,
                "gapDays", gapDays, "last", last)));
        for (DrugClass c : classes) { // each class's own wording (D22): what it does, its own advice where given
            body.append('\n').append(fill(t.f("gap-class"), values("label", md(c.label()),
                    "text", knowledge.texts().text(c.effectKey()))));
            if (c.gapKey() != null) {
                body.append(' ').append(knowledge.texts().text(c.gapKey()));
            }
        }
        body.append("\n\n").append(fill(t.f("gap-choice"), values("onDrugDays", onDrugDays, "gapDays", gapDays)));
        // D22: the assessment decides which card carries the one serum Mg order of the response
        Optional<MonitoringOrder> mg = labs.mgOrderIfSuggested(a, MonitoringKind.MG_BASELINE);
        List<Suggestion> orders = new java.util.ArrayList<>();
        if (mg.isPresent()) {
            String label = fill(t.f("gap-order-label"), values("gapDays", gapDays, "last", g.lastMg() == null ? ""
                    : fill(t.f("gap-order-last"), values("date", Wording.date(g.lastMg())))));
            orders.add(labs.suggestion(mg.get(), patientId, true, label));
        } else {
            body.append(' ').append(t.f("gap-order-elsewhere"));
        }
        return Optional.of(factory.cardWithUrl("monitoring-gap", classUrl(g.classIds()), g.indicator(),
                values("gapDays", gapDays, "classes", Wording.plain(Wording.join(labels))), body.toString(), orders,
                SelectionBehavior.ANY));
    }

    /** The card's source.url: the one source the card's classes link (issue 19.18, D22), else none. */
    private String classUrl(List<String> classIds) {
        List<String> urls = classIds.stream().map(id -> knowledge.drugs().byId(id)).flatMap(Optional::stream)
                .map(DrugClass::url).filter(java.util.Objects::nonNull).distinct().toList();
        return urls.size() == 1 ? urls.get(0) : null;
    }

    /** "What it does" / "How often" / "Suggested" by the catalog's key roles; anything else is a plain bullet. */
    private static String fragmentFor(Optional<DrugClass> c, String key) {
        if (c.map(DrugClass::effectKey).filter(key::equals).isPresent()) {
            return "drug-effect";
        }
        if (c.map(DrugClass::frequencyKey).filter(key::equals).isPresent()) {
            return "drug-frequency";
        }
        return c.map(DrugClass::adviceKey).filter(key::equals).isPresent() ? "drug-advice" : "drug-other";
    }

    /** Fragment and clinical-text lookup. */
    private final class Lookup {
        String f(String key) {
            return factory.texts().fragment(key);
        }

        String line(String fragment, String textKey) {
            return fill(f(fragment), values("text", knowledge.texts().text(textKey)));
        }
    }
}
