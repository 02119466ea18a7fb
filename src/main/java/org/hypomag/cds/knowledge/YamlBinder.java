package org.hypomag.cds.knowledge;

import java.util.Arrays;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one way a knowledge file is read: YAML syntax (with its position), binding to the file's record (every
 * wrong type, unknown key or bad enum value collected, not only the first), then Jakarta Bean Validation of
 * the record; each problem goes to the file's list with file:line:column. Returns null only when the file could
 * not be bound at all: a record with problems is returned so the file's own checks still run on its clean parts
 * ({@link YamlFile#clean}), and the load fails at the end with every problem.
 */
final class YamlBinder {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final YAMLMapper MAPPER = YAMLMapper.builder(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(tools.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
    private static final Validator VALIDATOR;

    static {
        try (ValidatorFactory f = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            VALIDATOR = f.getValidator();
        }
    }

    private YamlBinder() {
    }

    /** The bound record (validated, problems reported), or null when it could not be bound at all. */
    static <T> T read(YamlFile file, byte[] bytes, Class<T> type) {
        try {
            file.positions(Positions.index(FACTORY, bytes));
        } catch (StreamReadException e) {
            var loc = e.getLocation();
            file.problemAt(loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(), "",
                    "YAML syntax: " + String.join("; ", e.getOriginalMessage().lines()
                            .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList()));
            return null;
        }
        BindingProblems handler = new BindingProblems(file);
        T value;
        try {
            ObjectReader reader = MAPPER.readerFor(type).withHandler(handler);
            value = reader.readValue(bytes);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            file.problemAt(loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(),
                    e.getPathReference() == null ? "" : pointer(e), e.getOriginalMessage().lines().findFirst()
                            .orElse("unreadable").strip());
            return null;
        }
        if (value == null) {
            file.problem("", "not a YAML mapping");
            return null;
        }
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(value);
        for (ConstraintViolation<T> v : violations) {
            String ptr = pointer(v.getPropertyPath(), v.getLeafBean());
            if (!handler.reported(ptr)) {
                file.problem(ptr, v.getMessage());
            }
        }
        return value;
    }

    private static String pointer(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            out.append('/').append(r.getPropertyName() != null ? r.getPropertyName() : r.getIndex());
        }
        return out.toString();
    }

    /** A Bean Validation path (values[mg.lowerLimit].unit, iv[2].grams) as a JSON pointer. */
    static String pointer(Path path, Object leaf) {
        String out = "";
        Path.Node last = null;
        for (Path.Node n : path) {
            if (n.isInIterable()) {
                out = YamlFile.at(out, n.getIndex() != null ? (Object) n.getIndex() : String.valueOf(n.getKey()));
            }
            if (n.getKind() == ElementKind.PROPERTY && n.getName() != null) {
                out = YamlFile.at(out, n.getName());
                last = n;
            }
        }
        // a check method (isOrdered) is about its whole record: report it at the record's own node
        String name = last == null ? null : last.getName();
        if (name != null && leaf != null && leaf.getClass().isRecord() && Arrays.stream(leaf.getClass()
                .getRecordComponents()).noneMatch(c -> c.getName().equals(name))) {
            out = out.substring(0, out.lastIndexOf('/'));
        }
        return out;
    }
}
