package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

public record CreateInvoice(InvoiceId invoiceId, TenantId tenantId, InvoiceDraft draft) implements InvoiceCommand {
}
