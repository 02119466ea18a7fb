package org.hypomag.cds.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same date shift as the demo page (static/demo/fhirdata.js): every dateTime/instant moves by now − the
 * samples' anchor, every date by that many whole days (rounded), narrative untouched. So the trend app and
 * the demo page see the samples at the same "now".
 */
final class DemoDates {

    static final Instant ANCHOR = Instant.parse("2026-11-23T08:00:00Z");
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final long DAY_MS = 86_400_000L;

    private DemoDates() {
    }

    static JsonNode shift(JsonNode value, Duration delta) {
        if (delta.isZero()) {
            return value;
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> out.add(shift(v, delta)));
            return out;
        }
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(e -> out.set(e.getKey(),
                    e.getKey().equals("div") ? e.getValue() : shift(e.getValue(), delta)));
            return out;
        }
        if (value.isString()) {
            return JsonNodeFactory.instance.stringNode(shiftString(value.asString(), delta));
        }
        return value;
    }

    static String shiftString(String s, Duration delta) {
        try {
            if (DATE_TIME.matcher(s).matches()) {
                Instant t = OffsetDateTime.parse(s).toInstant().plus(delta);
                return DateTimeFormatter.ISO_INSTANT.format(t);
            }
            if (DATE.matcher(s).matches()) {
                return LocalDate.parse(s).plusDays(Math.round((double) delta.toMillis() / DAY_MS)).toString();
            }
        } catch (DateTimeParseException e) {
            return s;
        }
        return s;
    }
}
