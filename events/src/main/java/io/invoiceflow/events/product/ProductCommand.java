package io.invoiceflow.events.product;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;

/** Everything a client can ask of a catalogue product. */
public sealed interface ProductCommand extends AggregateCommand permits AddProduct, ChangeProduct {
    TenantId tenantId();

    ProductCode productCode();

    @Override
    default String aggregateId() {
        return aggregateId(tenantId(), productCode());
    }

    static String aggregateId(TenantId tenantId, ProductCode code) {
        return tenantId.value() + "/product/" + code.value();
    }
}
