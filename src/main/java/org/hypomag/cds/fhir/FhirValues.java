package org.hypomag.cds.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.MedicationStatus;
import org.hypomag.cds.clinical.SourceRef;

/** Small readers shared by the mappers: codes, texts, times, references, status folding. */
final class FhirValues {

    private FhirValues() {
    }

    /** Epic writes RxNorm as its OID (protocol-notes.md §4): read it as the FHIR RxNorm URI. */
    static final String RXNORM_OID = "urn:oid:2.16.840.1.113883.6.88";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    static List<Code> codes(CodeableConcept cc) {
        List<Code> out = new ArrayList<>();
        if (cc != null) {
            for (Coding c : cc.getCoding()) {
                if (c.hasCode()) {
                    String system = RXNORM_OID.equals(c.getSystem()) ? RXNORM : c.getSystem();
                    out.add(new Code(system, c.getCode(), c.getDisplay()));
                }
            }
        }
        return out;
    }

    /** CodeableConcept.text, else the first display, else "". */
    static String text(CodeableConcept cc) {
        if (cc == null) {
            return "";
        }
        if (cc.hasText()) {
            return cc.getText();
        }
        return cc.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst().orElse("");
    }

    /** A FHIR date/dateTime/instant as an Instant; a date without time is taken at 00:00 UTC. */
    static Instant instant(BaseDateTimeType dt) {
        if (dt == null || dt.getValueAsString() == null) {
            return null;
        }
        String s = dt.getValueAsString();
        try {
            if (s.length() <= 10) {
                return date(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return dt.getValue() == null ? null : dt.getValue().toInstant();
        }
    }

    /** "1950", "1950-03" or "1950-03-04" as a LocalDate (missing parts are the first month/day). */
    static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        String padded = switch (s.length()) {
            case 4 -> s + "-01-01";
            case 7 -> s + "-01";
            default -> s.length() > 10 ? s.substring(0, 10) : s;
        };
        return LocalDate.parse(padded);
    }

    static String reference(IBaseResource r) {
        String type = r.fhirType();
        String id = r.getIdElement() == null ? null : r.getIdElement().getIdPart();
        return id == null ? type : type + "/" + id;
    }

    static SourceRef source(IBaseResource r, Instant time) {
        return new SourceRef(reference(r), time);
    }

    /** MedicationRequest/MedicationStatement/other request status codes folded into one set. */
    static MedicationStatus medicationStatus(String code) {
        if (code == null) {
            return MedicationStatus.UNKNOWN;
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "active" -> MedicationStatus.ACTIVE;
            case "on-hold" -> MedicationStatus.ON_HOLD;
            case "intended" -> MedicationStatus.INTENDED;
            case "draft" -> MedicationStatus.DRAFT;
            case "completed" -> MedicationStatus.COMPLETED;
            case "stopped" -> MedicationStatus.STOPPED;
            case "cancelled", "revoked" -> MedicationStatus.CANCELLED;
            case "entered-in-error" -> MedicationStatus.ENTERED_IN_ERROR;
            case "not-taken" -> MedicationStatus.NOT_TAKEN;
            default -> MedicationStatus.UNKNOWN;
        };
    }
}
