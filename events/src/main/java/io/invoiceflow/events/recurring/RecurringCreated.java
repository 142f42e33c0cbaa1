package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/**
 * A recurring schedule was created. {@code schedule} gives the dates: its anchor is the first date
 * (tomorrow at the earliest in the tenant's zone), its pattern and end are canonical (an end date,
 * the catalogue frequency's end with its count from the first date, or never); {@code frequencyId}
 * names the catalogue frequency it was made from, null for a period or an inline pattern.
 * {@code content} is what each occurrence invoices, without invoice and due dates: for an
 * {@code INVOICE_TEMPLATE} the content of invoice {@code sourceInvoiceId} (customer snapshot and
 * contacts included); for a {@code SUBSCRIPTION} ({@code sourceInvoiceId} null) the priced lines,
 * terms and texts with no customer (null) and no contacts (empty), each subscriber's own being used;
 * there {@code language} and {@code locale} are null unless the subscription fixes them. A template
 * invoices its customer from the first date: that customer is its one subscriber, no
 * {@code SubscriberAdded} follows for it.
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
