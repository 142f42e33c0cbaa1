package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/**
 * A recurring schedule was created. {@code schedule} gives the dates (its anchor is the first date,
 * tomorrow at the earliest; its end the optional end date or count); {@code frequencyId} names the
 * catalogue frequency it was made from, null for an inline pattern. {@code content} is what each
 * occurrence invoices: for an {@code INVOICE_TEMPLATE} the invoice's content (customer and contacts
 * included, dates empty; {@code sourceInvoiceId} names the invoice); for a {@code SUBSCRIPTION} the
 * lines, terms and texts, without customer (each subscriber's own is used).
 */
@EventRevision("1")
public record RecurringCreated(
        RecurringId recurringId,
        TenantId tenantId,
        RecurringKind kind,
        String name,
        InvoiceId sourceInvoiceId,
        InvoiceContent content,
        FrequencyId frequencyId,
        FrequencyDefinition schedule) implements RecurringEvent {
}
