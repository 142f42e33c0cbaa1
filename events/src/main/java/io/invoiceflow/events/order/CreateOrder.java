package io.invoiceflow.events.order;

import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

public record CreateOrder(OrderId orderId, TenantId tenantId, OrderDraft draft) implements OrderCommand {
}
