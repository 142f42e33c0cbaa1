package io.invoiceflow.documents.email;

import io.invoiceflow.events.FieldViolation;

import java.util.ArrayList;
import java.util.List;

/** A template text parsed into literal text and merge fields. */
final class MergeText {
    /** A piece of the text: literal text, or a field (then {@code text} is null). */
    record Part(String text, MergeField field) {
    }

    private MergeText() {
    }

    /** The problems of a text (unknown fields, malformed braces) as violations of {@code field}; empty if none. */
    static List<FieldViolation> problems(String field, String text) {
        List<FieldViolation> out = new ArrayList<>();
        parse(text, field, out);
        return out;
    }

    /** The parts of a valid text; throws if the text has problems. */
    static List<Part> parse(String text) {
        List<FieldViolation> problems = new ArrayList<>();
        List<Part> parts = parse(text, "text", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).message());
        }
        return parts;
    }

    private static List<Part> parse(String text, String field, List<FieldViolation> problems) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                problems.add(new FieldViolation(field, "merge-field-syntax", field + ": '}' at position " + (i + 1)
                        + " closes no merge field (write }} for a literal brace)"));
                i++;
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                int nextOpen = text.indexOf('{', i + 1);
                if (close < 0 || nextOpen >= 0 && nextOpen < close) {
                    problems.add(new FieldViolation(field, "merge-field-syntax", field + ": '{' at position " + (i + 1)
                            + " is not closed (write {{ for a literal brace)"));
                    i++;
                    continue;
                }
                String name = text.substring(i + 1, close);
                var known = MergeField.named(name);
                if (known.isEmpty()) {
                    problems.add(new FieldViolation(field, "merge-field", field + ": unknown merge field {" + name
                            + "} at position " + (i + 1)));
                } else {
                    if (literal.length() > 0) {
                        parts.add(new Part(literal.toString(), null));
                        literal.setLength(0);
                    }
                    parts.add(new Part(null, known.get()));
                }
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null));
        }
        return parts;
    }
}
