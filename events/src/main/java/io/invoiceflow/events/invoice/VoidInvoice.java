package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

public record VoidInvoice(InvoiceId invoiceId, TenantId tenantId, String reason, Long expectedVersion)
        implements InvoiceCommand {
    public VoidInvoice(InvoiceId invoiceId, TenantId tenantId, String reason) {
        this(invoiceId, tenantId, reason, null);
    }
}
