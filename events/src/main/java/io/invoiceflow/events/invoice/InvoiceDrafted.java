package io.invoiceflow.events.invoice;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/** A draft invoice was created, from scratch, from an order or as a clone. */
@EventRevision("1")
public record InvoiceDrafted(InvoiceId invoiceId, TenantId tenantId, InvoiceOrigin origin, InvoiceContent content)
        implements InvoiceEvent {
}
