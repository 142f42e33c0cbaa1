package io.invoiceflow.events.invoice;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/** A draft's content was replaced; {@code content} is the whole new content. */
@EventRevision("1")
public record InvoiceDraftChanged(InvoiceId invoiceId, TenantId tenantId, InvoiceContent content)
        implements InvoiceEvent {
}
