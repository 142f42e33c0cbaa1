package io.invoiceflow.commands.shared;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every broken rule of a command, so that a client learns all of them at once. */
public final class Violations {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String rule, String message) {
        found.add(new FieldViolation(field, rule, message));
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The rules broken so far, in the order they were found. */
    public List<FieldViolation> found() {
        return List.copyOf(found);
    }

    /** How many broken rules were found so far. */
    public int size() {
        return found.size();
    }

    /** Required and at most {@code max} characters, not blank. */
    public boolean text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "required", field + " is required");
            return false;
        }
        return optionalText(field, value, max);
    }

    /** Optional; when present at most {@code max} characters. */
    public boolean optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "max-length", field + " must be at most " + max + " characters");
            return false;
        }
        return true;
    }

    public boolean required(String field, Object value) {
        if (value == null) {
            add(field, "required", field + " is required");
            return false;
        }
        return true;
    }

    public void optionalEmail(String field, String value) {
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            add(field, "email", field + " must be an email address");
        }
    }

    public void email(String field, String value) {
        if (required(field, value)) {
            optionalEmail(field, value);
        }
    }

    /** A decimal with at most {@code maxDecimals} decimals, within [min, max] when those are given. */
    public boolean decimal(String field, BigDecimal value, int maxDecimals, BigDecimal min, boolean minExclusive,
                           BigDecimal max) {
        if (!required(field, value)) {
            return false;
        }
        boolean ok = true;
        if (value.stripTrailingZeros().scale() > maxDecimals) {
            add(field, "max-decimals", field + " must have at most " + maxDecimals + " decimals");
            ok = false;
        }
        if (min != null && (minExclusive ? value.compareTo(min) <= 0 : value.compareTo(min) < 0)) {
            add(field, minExclusive ? "positive" : "min",
                    field + " must be " + (minExclusive ? "greater than " : "at least ") + min.toPlainString());
            ok = false;
        }
        if (max != null && value.compareTo(max) > 0) {
            add(field, "max", field + " must be at most " + max.toPlainString());
            ok = false;
        }
        return ok;
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw DomainException.invalid(found);
        }
    }

    /** Throws with another code than INVALID_INPUT, for rules on an aggregate's state rather than on input. */
    public void throwIfAny(ErrorCode code) {
        if (!found.isEmpty()) {
            throw new DomainException(code, DomainException.invalid(found).getMessage(), found);
        }
    }
}
