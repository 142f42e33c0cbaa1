package io.invoiceflow.events.order;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

/** An order was created. Allowed also while the tenant has invoicing deactivated. */
@EventRevision("1")
public record OrderCreated(OrderId orderId, TenantId tenantId, OrderContent content) implements OrderEvent {
}
