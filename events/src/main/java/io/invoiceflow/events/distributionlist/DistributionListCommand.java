package io.invoiceflow.events.distributionlist;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** Everything a client can ask of an entry of the distribution list. */
public sealed interface DistributionListCommand extends AggregateCommand
        permits SetDistributionEntry, RemoveDistributionEntry {
    TenantId tenantId();

    CustomerNumber customerNumber();

    @Override
    default String aggregateId() {
        return aggregateId(tenantId(), customerNumber());
    }

    static String aggregateId(TenantId tenantId, CustomerNumber customerNumber) {
        return tenantId.value() + "/distribution/" + customerNumber.value();
    }
}
