package org.hypomag.cds.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One search of the demo FHIR view: {@code patient} (or {@code subject}, as {@code id} or {@code Patient/id}),
 * {@code code} (comma list of {@code system|code} or {@code code}), {@code _count}, {@code _offset}; other
 * parameters are ignored, as a lenient FHIR server does. Every value bounded.
 */
record DemoSearch(String patientId, List<String> codes, int count, int offset) {

    static DemoSearch of(String type, Map<String, String> params, int maxPageSize) {
        String patient = params.getOrDefault("patient", params.get("subject"));
        if ("Patient".equals(type) && patient == null) {
            patient = params.get("_id");
        }
        if (patient != null) {
            patient = patient.startsWith("Patient/") ? patient.substring("Patient/".length()) : patient;
            if (!DemoFhirController.ID.matcher(patient).matches()) {
                throw new IllegalArgumentException("patient is not a FHIR id");
            }
        }
        List<String> codes = List.of();
        String code = params.get("code");
        if (code != null) {
            if (code.length() > 4000) {
                throw new IllegalArgumentException("code is longer than 4000 characters");
            }
            codes = List.of(code.split(","));
            if (codes.size() > DemoFhirController.MAX_CODES) {
                throw new IllegalArgumentException("more than " + DemoFhirController.MAX_CODES + " codes");
            }
        }
        int count = number(params.get("_count"), maxPageSize, "_count", 0, Integer.MAX_VALUE);
        int offset = number(params.get("_offset"), 0, "_offset", 0, DemoFhirController.MAX_OFFSET);
        return new DemoSearch(patient, codes, Math.min(Math.max(count, 1), maxPageSize), offset);
    }

    private static int number(String value, int dflt, String name, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number");
        }
    }

    boolean matchesCode(JsonNode r) {
        if (codes.isEmpty()) {
            return true;
        }
        for (JsonNode c : r.path("code").path("coding")) {
            String system = c.path("system").asString("");
            String code = c.path("code").asString("");
            for (String wanted : codes) {
                int bar = wanted.indexOf('|');
                boolean hit = bar < 0 ? wanted.equals(code)
                        : wanted.substring(0, bar).equals(system) && wanted.substring(bar + 1).equals(code);
                if (hit) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Newest first: effective time, else authoredOn / effectivePeriod.start, else the epoch. */
    static Instant sortTime(JsonNode r) {
        for (String f : List.of("effectiveDateTime", "effectiveInstant", "authoredOn", "issued")) {
            Instant t = instant(r.path(f).asString(""));
            if (t != null) {
                return t;
            }
        }
        for (String f : List.of("effectivePeriod", "period")) {
            Instant t = instant(r.path(f).path("start").asString(""));
            if (t != null) {
                return t;
            }
        }
        return Instant.EPOCH;
    }

    private static Instant instant(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
