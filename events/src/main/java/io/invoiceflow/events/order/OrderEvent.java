package io.invoiceflow.events.order;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.shared.OrderId;

/** Everything that happens to an order. Aggregate id: the order id. */
public sealed interface OrderEvent extends DomainEvent permits OrderCreated, OrderChanged, OrderInvoiced {
    OrderId orderId();
}
