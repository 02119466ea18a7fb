package org.hypomag.cds.cards;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hypomag.cds.bench.AssessorBenchmark;
import org.hypomag.cds.clinical.Assessor;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.knowledge.CardTexts;
import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Snapshot → cards, as patient-view does it after the data is read: the assessment of the two-year patient of
 * {@link AssessorBenchmark} and the rendering of its cards (texts, suggested orders encoded as FHIR JSON).
 * In the cards package because the renderer's parts are not public; built as {@link CardWiring} builds them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CardsBenchmark {

    Knowledge knowledge;
    PatientViewCardRenderer renderer;
    PatientSnapshot patient;
    Instant now;

    @Setup
    public void setUp() {
        knowledge = KnowledgeLoader.loadDefault();
        renderer = renderer(KnowledgeLoader.loadDefaultBundle().cards(), knowledge);
        now = Instant.parse("2026-11-23T08:00:00Z");
        patient = AssessorBenchmark.realisticPatient(now);
        if (renderer.render(Assessor.assess(patient, knowledge, now), "bench-1").isEmpty()) {
            throw new IllegalStateException("the benchmark patient must get cards");
        }
    }

    static PatientViewCardRenderer renderer(CardTexts texts, Knowledge knowledge) {
        CardWiring w = new CardWiring();
        CardFactory factory = w.cardFactory(texts, knowledge);
        OrderWording wording = w.orderWording(texts, knowledge);
        SuggestedOrders orders = w.suggestedOrders(texts, wording);
        AlertDetail detail = w.alertDetail(texts, knowledge);
        RegimenSuggestions regimens = w.regimenSuggestions(texts, knowledge, wording, orders);
        LabCards labs = w.labCards(factory, wording, orders, knowledge);
        return w.patientViewCardRenderer(w.alertCards(factory, detail, regimens, knowledge), labs,
                w.findingCards(factory, detail, labs, knowledge), w.drugCards(factory, labs, knowledge),
                w.hypocalcaemiaCards(factory, detail, regimens));
    }

    @Benchmark
    public List<Card> snapshotToCards() {
        return renderer.render(Assessor.assess(patient, knowledge, now), patient.patientId());
    }
}
