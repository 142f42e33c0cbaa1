package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/** Replace a draft's content. */
public record ChangeInvoiceDraft(InvoiceId invoiceId, TenantId tenantId, InvoiceDraft draft, Long expectedVersion)
        implements InvoiceCommand {
}
