package io.invoiceflow.web.http;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rules a request breaks so the client learns about all of them at once:
 * <pre>{@code
 * Validation v = new Validation();
 * v.require(body.customerNumber() != null, "customerNumber", "required", "customerNumber is required");
 * v.require(body.lines().size() <= 500, "lines", "max-size", "at most 500 lines");
 * v.throwIfAny();
 * }</pre>
 */
public final class Validation {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** Records a violation of {@code rule} on {@code field} unless {@code valid}. */
    public Validation require(boolean valid, String field, String rule, String message) {
        if (!valid) {
            violations.add(new FieldViolation(field, rule, message));
        }
        return this;
    }

    /** Throws one {@link DomainException#invalid(List) INVALID_INPUT} with every recorded violation, if any. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
    }
}
