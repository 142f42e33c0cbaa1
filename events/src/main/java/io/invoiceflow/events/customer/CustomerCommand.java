package io.invoiceflow.events.customer;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** Everything a client can ask of a customer. */
public sealed interface CustomerCommand extends AggregateCommand permits RegisterCustomer, ChangeCustomer {
    TenantId tenantId();

    CustomerNumber customerNumber();

    @Override
    default String aggregateId() {
        return aggregateId(tenantId(), customerNumber());
    }

    static String aggregateId(TenantId tenantId, CustomerNumber customerNumber) {
        return tenantId.value() + "/customer/" + customerNumber.value();
    }
}
