package io.invoiceflow.events.product;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;

/** A product's details were replaced; documents already drafted keep their lines. */
@EventRevision("1")
public record ProductChanged(TenantId tenantId, ProductCode productCode, ProductDetails details) implements ProductEvent {
}
