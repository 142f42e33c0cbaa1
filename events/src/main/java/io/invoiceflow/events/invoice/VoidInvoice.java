package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

public record VoidInvoice(InvoiceId invoiceId, TenantId tenantId, String reason) implements InvoiceCommand {
}
