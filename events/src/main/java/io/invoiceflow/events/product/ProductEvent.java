package io.invoiceflow.events.product;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.shared.ProductCode;

/** Everything that happens to a catalogue product. Aggregate id: {@code <tenantId>/product/<code>}. */
public sealed interface ProductEvent extends DomainEvent permits ProductAdded, ProductChanged {
    ProductCode productCode();
}
