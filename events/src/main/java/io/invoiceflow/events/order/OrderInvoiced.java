package io.invoiceflow.events.order;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

/** An invoice was drafted from this order ({@code invoiceId} references it). The order can no longer change. */
@EventRevision("1")
public record OrderInvoiced(OrderId orderId, TenantId tenantId, InvoiceId invoiceId) implements OrderEvent {
}
