package io.invoiceflow.events.order;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

/** Everything a client can ask of an order. */
public sealed interface OrderCommand extends AggregateCommand permits CreateOrder, ChangeOrder, InvoiceOrder {
    OrderId orderId();

    TenantId tenantId();

    @Override
    default String aggregateId() {
        return orderId().value();
    }
}
