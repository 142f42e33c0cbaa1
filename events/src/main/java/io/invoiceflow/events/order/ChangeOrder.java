package io.invoiceflow.events.order;

import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

public record ChangeOrder(OrderId orderId, TenantId tenantId, OrderDraft draft, Long expectedVersion) implements OrderCommand {
}
