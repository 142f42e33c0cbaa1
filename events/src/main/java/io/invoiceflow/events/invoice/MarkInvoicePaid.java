package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/** Mark a final invoice paid; an omitted payment date means today in the tenant's zone. */
public record MarkInvoicePaid(InvoiceId invoiceId, TenantId tenantId, LocalDate paymentDate, Long expectedVersion)
        implements InvoiceCommand {
    public MarkInvoicePaid(InvoiceId invoiceId, TenantId tenantId, LocalDate paymentDate) {
        this(invoiceId, tenantId, paymentDate, null);
    }
}
