package org.hypomag.cds.cards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.MonitoringKind;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.OralRegimen;
import org.hypomag.cds.knowledge.CardTexts;

/**
 * Writes the FHIR R4 resources of suggestions for {@link Action#resource()}: the JSON HAPI's parser writes for
 * them, byte for byte (SuggestedOrdersEncodingTest), without building HAPI's model or running its encoder on
 * every call. Orders are {@code status: draft, intent: order}: that is how the EHR holds an unsigned order (the
 * sandbox sends an accepted suggestion back in draftOrders exactly so), and the clinician signs it.
 * IV magnesium sulfate is coded with ATC B05XA05 and a full text; RxNorm only when the knowledge marks a
 * verified code (terminology.md §C1, §F).
 */
final class SuggestedOrders {

    static final String UCUM = "http://unitsofmeasure.org";

    /** A written resource and what the card ledger fingerprints of it. */
    record Written(String json, OrderFacts facts) {
    }

    private final CardTexts texts;
    private final OrderWording wording;

    SuggestedOrders(CardTexts texts, OrderWording wording) {
        this.texts = texts;
        this.wording = wording;
    }

    String iv(String patientId, MgSulfateRegimen r, String reason) {
        return ivOrder(patientId, r, reason, null).json();
    }

    String iv(String patientId, MgSulfateRegimen r, String reason, String id) {
        return ivOrder(patientId, r, reason, id).json();
    }

    String oral(String patientId, OralRegimen r, String reason) {
        return oralOrder(patientId, r, reason).json();
    }

    String lab(String patientId, MonitoringOrder o, String reason) {
        return labOrder(patientId, o, reason).json();
    }

    /** @param id the id of the draft this order replaces (an update keeps it), or null for a new order */
    Written ivOrder(String patientId, MgSulfateRegimen r, String reason, String id) {
        CardTexts.OrderCodings c = texts.orders();
        OrderJson j = FhirIds.begin("MedicationRequest", id).string("status", "draft").string("intent", "order");
        j.object("medicationCodeableConcept").array("coding");
        if (c.ivRxNorm() != null) {
            coding(j, c.ivRxNorm());
        }
        coding(j, c.ivMedication()).endArray().string("text", wording.describe(r)).end();
        draftTail(j, patientId, reason);
        j.array("dosageInstruction").object(null).number("sequence", 1).string("text", wording.ivDosage(r));
        j.object("timing").object("repeat");
        if (r.repeatedDaily()) { // D17: once a day for 3 to 5 days, each day's infusion over the duration below
            j.number("count", r.repeatDaysMin()).number("countMax", r.repeatDaysMax());
        } else {
            j.number("count", 1);
        }
        if (r.durationMinutes() % 60 == 0) {
            j.number("duration", r.durationMinutes() / 60).string("durationUnit", "h");
        } else {
            j.number("duration", r.durationMinutes()).string("durationUnit", "min");
        }
        if (r.repeatedDaily()) {
            j.number("frequency", 1).number("period", 1).string("periodUnit", "d");
        }
        j.end().end();
        j.object("route").array("coding");
        coding(j, c.ivRoute()).endArray().string("text", "IV").end();
        BigDecimal dose = r.doseGrams().stripTrailingZeros();
        j.array("doseAndRate").object(null);
        grams(j, "doseQuantity", dose);
        BigDecimal hours = BigDecimal.valueOf(r.durationMinutes()).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
        BigDecimal rate = r.doseGrams().divide(hours, 10, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rate.scale() <= 3) { // only an exact rate: a rounded one would not add up to the dose
            quantity(j, "rateQuantity", rate, "g/h");
        }
        j.end().endArray();
        if (r.paediatric() != null) {
            grams(j, "maxDosePerAdministration", r.paediatric().capGrams().stripTrailingZeros());
        }
        j.end().endArray().end();
        List<Code> codes = new ArrayList<>(2);
        if (c.ivRxNorm() != null) {
            codes.add(code(c.ivRxNorm().system(), c.ivRxNorm().code()));
        }
        codes.add(code(c.ivMedication().system(), c.ivMedication().code()));
        return new Written(j.toString(), new OrderFacts("MedicationRequest", codes, dose, "g"));
    }

    Written oralOrder(String patientId, OralRegimen r, String reason) {
        OrderJson j = FhirIds.begin("MedicationRequest", null).string("status", "draft").string("intent", "order");
        j.object("medicationCodeableConcept").string("text", texts.fragment("oral-medication")).end();
        draftTail(j, patientId, reason);
        j.array("dosageInstruction").object(null).number("sequence", 1).string("text", wording.oralDosage(r));
        j.object("route").array("coding");
        coding(j, texts.orders().oralRoute()).endArray().string("text", "oral").end();
        j.end().endArray().end();
        return new Written(j.toString(), new OrderFacts("MedicationRequest", List.of(), null, null));
    }

    Written labOrder(String patientId, MonitoringOrder o, String reason) {
        Code code = o.code();
        OrderJson j = FhirIds.begin("ServiceRequest", null).string("status", "draft").string("intent", "order")
                .string("priority", o.kind() == MonitoringKind.MG_URGENT ? "urgent" : "routine");
        j.object("code").array("coding").object(null).string("system", code.system()).string("code", code.code())
                .string("display", code.display()).end().endArray().string("text", wording.labName(o)).end();
        j.object("subject").string("reference", FhirIds.reference("Patient", patientId)).end();
        reasonCode(j, reason);
        j.array("note").object(null).string("text", "Draw " + wording.when(o) + ".").end().endArray();
        j.end();
        return new Written(j.toString(),
                new OrderFacts("ServiceRequest", List.of(code(code.system(), code.code())), null, null));
    }

    /** subject and reasonCode of a MedicationRequest (they follow its medication[x]). */
    private static void draftTail(OrderJson j, String patientId, String reason) {
        j.object("subject").string("reference", FhirIds.reference("Patient", patientId)).end();
        reasonCode(j, reason);
    }

    private static void reasonCode(OrderJson j, String reason) {
        if (reason != null && !reason.isBlank()) {
            j.array("reasonCode").object(null).string("text", reason).end().endArray();
        }
    }

    private static OrderJson coding(OrderJson j, CardTexts.Coded c) {
        return j.object(null).string("system", c.system()).string("code", c.code()).string("display", c.display())
                .end();
    }

    private static void grams(OrderJson j, String name, BigDecimal value) {
        quantity(j, name, value, "g");
    }

    private static void quantity(OrderJson j, String name, BigDecimal value, String unit) {
        j.object(name).number("value", value).string("unit", unit).string("system", UCUM).string("code", unit).end();
    }

    /** A coding as the ledger reads it back from the JSON: a blank part is not written, so it reads as "". */
    private static Code code(String system, String code) {
        return new Code(system == null || system.isBlank() ? "" : system, code == null || code.isBlank() ? "" : code,
                null);
    }
}
