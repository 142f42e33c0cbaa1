package io.invoiceflow.streams.mail;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;

import java.util.ArrayList;
import java.util.List;

/** Collects field violations of one value and throws them together. */
final class Fields {
    private final List<FieldViolation> violations = new ArrayList<>();

    void add(String field, String rule, String message) {
        violations.add(new FieldViolation(field, rule, message));
    }

    /** Adds a violation unless {@code value} is free of CR, LF and other control characters. */
    void headerSafe(String field, String value) {
        if (value != null && hasControl(value)) {
            add(field, "no-line-breaks", field + " must not contain line breaks or control characters");
        }
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
    }

    static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return true;
            }
        }
        return false;
    }
}
