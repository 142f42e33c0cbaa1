package io.invoiceflow.events.invoice;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/** A draft was deleted. It never had a number; its history stays. */
@EventRevision("1")
public record InvoiceDraftDeleted(InvoiceId invoiceId, TenantId tenantId) implements InvoiceEvent {
}
