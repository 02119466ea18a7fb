package org.hypomag.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.OralRegimen;
import org.hypomag.cds.knowledge.CardTexts;
import org.junit.jupiter.api.Test;

/**
 * The dedicated writer of {@link SuggestedOrders} writes, byte for byte, what HAPI's JSON parser wrote for the
 * same order ({@link HapiSuggestedOrders}, the code before issue 16), for every order of {@link OrderSamples}:
 * every dose-table row, dose, child weight, duration, daily repeat, with and without a draft id, RxNorm coding,
 * reason; odd patient ids, ids and texts. HAPI still reads each one back as the resource type written.
 */
class SuggestedOrdersEncodingTest {

    private static final String PLAIN_REASON = "Moderate hypomagnesemia";

    @Test
    void everyIvOrder_isWhatHapiWrites_withEveryReasonAndDraftId() {
        int n = 0;
        for (CardTexts texts : OrderSamples.texts()) {
            Pair p = pair(texts);
            List<MgSulfateRegimen> regimens = OrderSamples.ivRegimens();
            for (int i = 0; i < regimens.size(); i++) {
                MgSulfateRegimen r = regimens.get(i);
                String patient = OrderSamples.PATIENTS.get(i % OrderSamples.PATIENTS.size());
                for (String reason : OrderSamples.REASONS) {
                    String id = OrderSamples.IDS.get(n++ % OrderSamples.IDS.size());
                    assertSame(p.hapi.iv(patient, r, reason, id), p.ours.ivOrder(patient, r, reason, id).json());
                }
            }
        }
        assertThat(n).isGreaterThan(1000);
    }

    @Test
    void oddPatientIdsDraftIdsAndReasons_areWrittenAsHapiWritesThem() {
        for (CardTexts texts : OrderSamples.texts()) {
            Pair p = pair(texts);
            MgSulfateRegimen daily = OrderSamples.ivRegimens().stream().filter(MgSulfateRegimen::repeatedDaily)
                    .findFirst().orElseThrow();
            MonitoringOrder lab = OrderSamples.labs().get(0);
            OralRegimen oral = OrderSamples.oralRegimens().get(0);
            for (String patient : OrderSamples.PATIENTS) {
                for (String reason : OrderSamples.REASONS) {
                    for (String id : OrderSamples.IDS) {
                        assertSame(p.hapi.iv(patient, daily, reason, id), p.ours.ivOrder(patient, daily, reason, id)
                                .json());
                    }
                    assertSame(p.hapi.lab(patient, lab, reason), p.ours.labOrder(patient, lab, reason).json());
                    assertSame(p.hapi.oral(patient, oral, reason), p.ours.oralOrder(patient, oral, reason).json());
                }
            }
        }
    }

    @Test
    void everyOralAndLabOrder_isWhatHapiWrites() {
        for (CardTexts texts : OrderSamples.texts()) {
            Pair p = pair(texts);
            for (OralRegimen r : OrderSamples.oralRegimens()) {
                for (String reason : OrderSamples.REASONS) {
                    assertSame(p.hapi.oral("p1", r, reason), p.ours.oralOrder("p1", r, reason).json());
                }
            }
            for (MonitoringOrder o : OrderSamples.labs()) {
                for (String reason : OrderSamples.REASONS) {
                    assertSame(p.hapi.lab("p1", o, reason), p.ours.labOrder("p1", o, reason).json());
                }
            }
        }
    }

    @Test
    void theStringMethods_areTheWrittenJson() {
        Pair p = pair(Fixtures.CARDS);
        MgSulfateRegimen r = Fixtures.moderateIv();
        assertThat(p.ours.iv("p1", r, PLAIN_REASON)).isEqualTo(p.hapi.iv("p1", r, PLAIN_REASON));
        assertThat(p.ours.iv("p1", r, PLAIN_REASON, "d1")).isEqualTo(p.hapi.iv("p1", r, PLAIN_REASON, "d1"));
        assertThat(p.ours.oral("p1", Fixtures.oral(true), null)).isEqualTo(p.hapi.oral("p1", Fixtures.oral(true), null));
        assertThat(p.ours.lab("p1", Fixtures.potassium(), "K")).isEqualTo(p.hapi.lab("p1", Fixtures.potassium(), "K"));
    }

    @Test
    void writtenOrders_passHapisValidator() {
        SuggestedOrders ours = pair(Fixtures.CARDS).ours;
        for (MgSulfateRegimen r : OrderSamples.ivRegimens().subList(0, 40)) {
            assertThat(FhirValidation.errors(ours.ivOrder("p1", r, PLAIN_REASON, "d1").json())).isEmpty();
        }
        assertThat(FhirValidation.errors(ours.oralOrder("p1", Fixtures.oral(true), PLAIN_REASON).json())).isEmpty();
        assertThat(FhirValidation.errors(ours.labOrder("p1", Fixtures.mgAfterInfusion(), PLAIN_REASON).json()))
                .isEmpty();
    }

    static Pair pair(CardTexts texts) {
        OrderWording wording = new OrderWording(texts, Fixtures.TEXTS);
        return new Pair(new HapiSuggestedOrders(FhirValidation.FHIR, texts, wording),
                new SuggestedOrders(texts, wording));
    }

    static void assertSame(String hapi, String ours) {
        assertThat(ours).isEqualTo(hapi);
        IBaseResource back = FhirValidation.FHIR.newJsonParser().parseResource(ours);
        assertThat(ours).startsWith("{\"resourceType\":\"" + back.fhirType() + "\"");
        assertThat(back.fhirType()).isIn("MedicationRequest", "ServiceRequest");
    }

    record Pair(HapiSuggestedOrders hapi, SuggestedOrders ours) {
    }
}
