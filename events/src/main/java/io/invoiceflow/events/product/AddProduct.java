package io.invoiceflow.events.product;

import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;

public record AddProduct(TenantId tenantId, ProductCode productCode, ProductDetails details) implements ProductCommand {
}
