package io.invoiceflow.events.product;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;

/** A product was added to the tenant's catalogue. */
@EventRevision("1")
public record ProductAdded(TenantId tenantId, ProductCode productCode, ProductDetails details) implements ProductEvent {
}
