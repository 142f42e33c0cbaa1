package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/** Draft a new invoice {@code cloneId} with the content of invoice {@code invoiceId} (any state). */
public record CloneInvoice(InvoiceId invoiceId, TenantId tenantId, InvoiceId cloneId) implements InvoiceCommand {
}
