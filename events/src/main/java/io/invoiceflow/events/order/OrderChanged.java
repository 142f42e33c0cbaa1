package io.invoiceflow.events.order;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

/** An order's content was replaced; {@code content} is the whole new content. */
@EventRevision("1")
public record OrderChanged(OrderId orderId, TenantId tenantId, OrderContent content) implements OrderEvent {
}
