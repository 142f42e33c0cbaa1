package io.invoiceflow.events.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.invoiceflow.events.DomainException;

import java.util.regex.Pattern;

/** A customer's number, unique within its tenant: 1-32 letters, digits, '.', '_' or '-'. */
public record CustomerNumber(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    @JsonCreator
    public CustomerNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainException.invalid("customerNumber", "format",
                    "customerNumber must be 1-32 letters, digits, '.', '_' or '-'");
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
