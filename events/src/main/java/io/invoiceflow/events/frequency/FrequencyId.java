package io.invoiceflow.events.frequency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.invoiceflow.events.DomainException;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a frequency of a tenant's catalogue. A lower-case UUID. */
public record FrequencyId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator
    public FrequencyId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainException.invalid("frequencyId", "format", "frequencyId must match [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    /** A fresh random id. */
    public static FrequencyId random() {
        return new FrequencyId(UUID.randomUUID().toString());
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
