package io.invoiceflow.events.product;

import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;

public record ChangeProduct(TenantId tenantId, ProductCode productCode, ProductDetails details, Long expectedVersion)
        implements ProductCommand {
}
