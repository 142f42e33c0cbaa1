package io.invoiceflow.events.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.invoiceflow.events.DomainException;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies an order aggregate. A lower-case UUID. */
public record OrderId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator
    public OrderId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainException.invalid("orderId", "format", "orderId must match [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    /** A fresh random id. */
    public static OrderId random() {
        return new OrderId(UUID.randomUUID().toString());
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
