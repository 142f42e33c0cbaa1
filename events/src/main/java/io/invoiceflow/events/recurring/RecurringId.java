package io.invoiceflow.events.recurring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a recurring invoice template or a subscription: its schedule and the invoices it produced. A lower-case UUID. */
public record RecurringId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator
    public RecurringId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainException.invalid("recurringId", "format", "recurringId must match [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    /**
     * The invoice an occurrence issues to a customer: derived from this schedule, the customer and the
     * occurrence date, so issuing the same occurrence again is refused as a duplicate (R7).
     */
    public InvoiceId occurrenceInvoice(CustomerNumber customer, LocalDate occurrenceDate) {
        return new InvoiceId(UUID.nameUUIDFromBytes(("occurrence/" + value + "/" + customer.value() + "/"
                + occurrenceDate).getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** A fresh random id. */
    public static RecurringId random() {
        return new RecurringId(UUID.randomUUID().toString());
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
