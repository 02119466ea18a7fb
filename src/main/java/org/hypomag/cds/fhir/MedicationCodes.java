package org.hypomag.cds.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hypomag.cds.clinical.Code;

/**
 * The codings and text of a medication[x]: the CodeableConcept, or the Medication a medicationReference
 * points to (contained, included by {@code _include}, or another entry of the same Bundle) with its
 * ingredient codings (one level of ingredient itemReference is followed).
 */
final class MedicationCodes {

    record Resolved(List<Code> codes, String text) {
    }

    private final Map<String, Medication> byReference = new HashMap<>();

    MedicationCodes(List<? extends IBaseResource> medications) {
        medications.forEach(this::index);
    }

    private void index(IBaseResource r) {
        if (r instanceof Medication m && m.getIdElement() != null && m.getIdElement().getValue() != null) {
            byReference.put(m.getIdElement().getValue(), m);
            byReference.put(m.getIdElement().toUnqualifiedVersionless().getValue(), m);
            if (m.getIdElement().getIdPart() != null) {
                byReference.put("Medication/" + m.getIdElement().getIdPart(), m);
            }
        }
    }

    Resolved resolve(DomainResource owner, CodeableConcept concept, Reference reference) {
        if (concept != null && !concept.isEmpty()) {
            return new Resolved(FhirValues.codes(concept), FhirValues.text(concept));
        }
        Medication m = reference == null || reference.isEmpty() ? null : find(owner, reference);
        if (m == null) {
            String display = reference != null && reference.hasDisplay() ? reference.getDisplay() : "";
            return new Resolved(List.of(), display);
        }
        List<Code> codes = new ArrayList<>(FhirValues.codes(m.getCode()));
        for (Medication.MedicationIngredientComponent i : m.getIngredient()) {
            if (i.hasItemCodeableConcept()) {
                codes.addAll(FhirValues.codes(i.getItemCodeableConcept()));
            } else if (i.hasItemReference()) {
                Medication inner = find(m, i.getItemReference());
                if (inner != null) {
                    codes.addAll(FhirValues.codes(inner.getCode()));
                }
            }
        }
        String text = FhirValues.text(m.getCode());
        return new Resolved(codes, text.isEmpty() && reference.hasDisplay() ? reference.getDisplay() : text);
    }

    private Medication find(DomainResource owner, Reference reference) {
        if (reference.getResource() instanceof Medication m) {
            return m;
        }
        String ref = reference.getReference();
        if (ref == null) {
            return null;
        }
        if (ref.startsWith("#")) {
            for (Resource c : owner.getContained()) {
                String id = c.getIdElement().getIdPart();
                if (c instanceof Medication m && id != null && (ref.equals(id) || ref.substring(1).equals(id)
                        || ref.equals("#" + id.replace("#", "")))) {
                    return m;
                }
            }
            return null;
        }
        Medication m = byReference.get(ref);
        if (m == null && ref.contains("/Medication/")) {
            m = byReference.get(ref.substring(ref.lastIndexOf("/Medication/") + 1));
        }
        return m;
    }
}
