package io.invoiceflow.events.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.invoiceflow.events.DomainException;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies an invoice aggregate. A lower-case UUID. */
public record InvoiceId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator
    public InvoiceId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainException.invalid("invoiceId", "format", "invoiceId must match [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    /** A fresh random id. */
    public static InvoiceId random() {
        return new InvoiceId(UUID.randomUUID().toString());
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
