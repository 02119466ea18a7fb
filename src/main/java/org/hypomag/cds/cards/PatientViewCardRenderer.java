package org.hypomag.cds.cards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hypomag.cds.clinical.Assessment;

/**
 * Turns an {@link Assessment} into the cards of {@code hypomagnesemia-patient-view} (issue 4): the alert and
 * its labs, urgent Mg, high Mg, persistent hypocalcaemia, stale low, monitoring gap, drug causes, could not
 * check. Ordered by indicator (critical first, stable otherwise); one card per card type, so one condition
 * never yields two cards. A normal recent Mg yields nothing (D12).
 */
public final class PatientViewCardRenderer {

    private final AlertCards alert;
    private final LabCards labs;
    private final FindingCards findings;
    private final DrugCards drugs;
    private final HypocalcaemiaCards hypocalcaemia;

    PatientViewCardRenderer(AlertCards alert, LabCards labs, FindingCards findings, DrugCards drugs,
                            HypocalcaemiaCards hypocalcaemia) {
        this.alert = alert;
        this.labs = labs;
        this.findings = findings;
        this.drugs = drugs;
        this.hypocalcaemia = hypocalcaemia;
    }

    public List<Card> render(Assessment a, String patientId) {
        List<Optional<Card>> candidates = List.of(
                alert.alert(a, patientId),
                findings.urgentMg(a, patientId),
                findings.hyperMg(a, patientId),
                hypocalcaemia.persistent(a, patientId),
                findings.staleLow(a, patientId),
                drugs.monitoringGap(a, patientId),
                drugs.drugCauses(a),
                labs.replacementLabs(a, patientId),
                findings.couldNotCheck(a));
        List<Card> cards = new ArrayList<>();
        Set<String> topics = new HashSet<>();
        for (Optional<Card> c : candidates) {
            c.filter(card -> topics.add(card.source().topic().code())).ifPresent(cards::add);
        }
        cards.sort(Comparator.comparing(Card::indicator).reversed());
        return List.copyOf(cards);
    }
}
