package io.invoiceflow.events.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.invoiceflow.events.DomainException;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a credit note aggregate. A lower-case UUID. */
public record CreditNoteId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator
    public CreditNoteId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainException.invalid("creditNoteId", "format", "creditNoteId must match [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    /** A fresh random id. */
    public static CreditNoteId random() {
        return new CreditNoteId(UUID.randomUUID().toString());
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
