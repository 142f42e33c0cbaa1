package io.invoiceflow.web.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Turns Jackson's failures while reading a request body into {@link FieldViolation}s. Whether a value
 * has the wrong JSON type or the right type with bad content is decided by looking at the offending
 * node of the already parsed body.
 */
final class JsonViolations {

    /** The field name of the body as a whole. */
    static final String ROOT = "$";

    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, long.class, short.class, byte.class,
            Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);

    private JsonViolations() {
    }

    /** The body is not JSON at all. */
    static DomainException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return DomainException.invalid(ROOT, "malformed-json",
                "request body is not valid JSON" + where + ": " + e.getOriginalMessage());
    }

    /** The body is JSON but does not bind to the requested type. */
    static DomainException binding(JsonProcessingException e, JsonNode body, ObjectMapper mapper) {
        List<Reference> path = e instanceof JsonMappingException m ? m.getPath() : List.of();
        String field = render(path);
        JsonNode node = locate(body, path);
        String label = ROOT.equals(field) ? "request body" : field;

        if (e instanceof PropertyBindingException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return one(field, "unknown-field", label + " is not a known field"
                    + (known == null || known.isEmpty() ? "" : "; known fields: " + known.stream().map(String::valueOf).sorted().toList()));
        }
        DomainException refused = cause(e, DomainException.class);
        if (refused != null) {
            if (refused.violations().isEmpty()) {
                return one(field, "invalid-value", refused.getMessage());
            }
            return DomainException.invalid(refused.violations().stream()
                    .map(v -> new FieldViolation(resolve(field, node, v.field()), v.rule(), v.message()))
                    .toList());
        }
        if (e instanceof ValueInstantiationException) {
            IllegalArgumentException iae = cause(e, IllegalArgumentException.class);
            return one(field, "invalid-value", iae != null && iae.getMessage() != null ? iae.getMessage() : label + " is invalid");
        }
        if (cause(e, InputCoercionException.class) != null) {
            return one(field, "invalid-value", label + " is out of range");
        }
        if (node.isNull() || node.isMissingNode()) {
            return one(field, "required", label + " is required");
        }
        Expected expected = expected(e instanceof MismatchedInputException m ? m.getTargetType() : null, mapper);
        boolean rightJsonType = expected == null ? e instanceof InvalidFormatException : expected.accepts().test(node);
        if (rightJsonType) {
            return one(field, "invalid-value", label + (expected == null ? " is not a valid value" : " must be " + expected.description()));
        }
        return one(field, "wrong-type",
                label + (expected == null ? " must not be " : " must be " + expected.description() + ", not ") + describe(node));
    }

    /** A constructor names fields relative to the object it builds; a scalar value object's field is where it sits. */
    private static String resolve(String at, JsonNode node, String field) {
        if (field == null || !node.isObject()) {
            return at;
        }
        return ROOT.equals(at) ? field : at + "." + field;
    }

    /** {@code lines[2].quantity}, or {@value #ROOT} for the body itself. */
    private static String render(List<Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (Reference ref : path) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? ROOT : sb.toString();
    }

    private static JsonNode locate(JsonNode body, List<Reference> path) {
        JsonNode node = body;
        for (Reference ref : path) {
            node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
        }
        return node;
    }

    /** The JSON a Java type binds from, or null when it is not a well-known scalar or container. */
    private static Expected expected(Class<?> type, ObjectMapper mapper) {
        if (type == null) {
            return null;
        } else if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> mapper.valueToTree(c).asText()).toList();
            return new Expected("one of " + names, JsonNode::isTextual);
        } else if (type == boolean.class || type == Boolean.class) {
            return new Expected("a boolean", JsonNode::isBoolean);
        } else if (type == BigDecimal.class) {
            return new Expected("a decimal number (JSON number or string)", n -> n.isNumber() || n.isTextual());
        } else if (INTEGRAL.contains(type)) {
            return new Expected("an integer", JsonNode::isIntegralNumber);
        } else if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return new Expected("a number", JsonNode::isNumber);
        } else if (type == LocalDate.class) {
            return new Expected("an ISO-8601 date such as 2025-01-31", JsonNode::isTextual);
        } else if (type.getPackageName().equals("java.time")) {
            return new Expected("an ISO-8601 " + type.getSimpleName(), JsonNode::isTextual);
        } else if (type == UUID.class) {
            return new Expected("a UUID", JsonNode::isTextual);
        } else if (type == Currency.class) {
            return new Expected("an ISO 4217 currency code", JsonNode::isTextual);
        } else if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return new Expected("a string", JsonNode::isTextual);
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return new Expected("an array", JsonNode::isArray);
        } else if (Map.class.isAssignableFrom(type)) {
            return new Expected("an object", JsonNode::isObject);
        }
        return null;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static <X extends Throwable> X cause(Throwable t, Class<X> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static DomainException one(String field, String rule, String message) {
        return DomainException.invalid(field, rule, message);
    }

    private record Expected(String description, Predicate<JsonNode> accepts) {
    }
}
