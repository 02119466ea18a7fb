package org.hypomag.cds.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.MedicationStatus;
import org.hypomag.cds.clinical.SourceRef;
import tools.jackson.databind.JsonNode;

/** Small readers shared by the mappers: codes, texts, times, references, status folding. */
final class FhirValues {

    private FhirValues() {
    }

    /** Epic writes RxNorm as its OID (protocol-notes.md §4): read it as the FHIR RxNorm URI. */
    static final String RXNORM_OID = "urn:oid:2.16.840.1.113883.6.88";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /** The codings of a CodeableConcept (JSON) that have a code. */
    static List<Code> codes(JsonNode cc) {
        List<Code> out = new ArrayList<>();
        for (JsonNode c : FhirJson.array(cc, "coding")) {
            String code = FhirJson.string(c, "code");
            if (code != null && !code.isBlank()) {
                String system = FhirJson.string(c, "system");
                out.add(new Code(RXNORM_OID.equals(system) ? RXNORM : system, code, FhirJson.string(c, "display")));
            }
        }
        return out;
    }

    /** CodeableConcept.text, else the first display, else "". */
    static String text(JsonNode cc) {
        if (cc == null) {
            return "";
        }
        String text = FhirJson.string(cc, "text");
        if (text != null && !text.isBlank()) {
            return text;
        }
        for (JsonNode c : FhirJson.array(cc, "coding")) {
            String display = FhirJson.string(c, "display");
            if (display != null && !display.isBlank()) {
                return display;
            }
        }
        return "";
    }

    /** The FHIR date/dateTime/instant element {@code element} of {@code parent} as an Instant. */
    static Instant instant(JsonNode parent, String element) {
        return instant(FhirJson.string(parent, element));
    }

    /**
     * A FHIR date/dateTime/instant as an Instant; a date without time is taken at 00:00 UTC, a time without
     * an offset (not valid FHIR, but sent) as UTC; anything unreadable is null.
     */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        Instant common = FhirDateTimes.parseCommon(v);
        if (common != null) {
            return common;
        }
        try {
            if (v.length() <= 10) {
                return date(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
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

    static SourceRef source(FhirResource r, Instant time) {
        return new SourceRef(r.reference(), time);
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
