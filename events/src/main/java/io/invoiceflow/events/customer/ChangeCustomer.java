package io.invoiceflow.events.customer;

import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

public record ChangeCustomer(TenantId tenantId, CustomerNumber customerNumber, CustomerDetails details, Long expectedVersion)
        implements CustomerCommand {
}
