package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

public record DeleteInvoiceDraft(InvoiceId invoiceId, TenantId tenantId, Long expectedVersion) implements InvoiceCommand {
}
