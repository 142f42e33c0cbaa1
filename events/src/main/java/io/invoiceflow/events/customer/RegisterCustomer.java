package io.invoiceflow.events.customer;

import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

public record RegisterCustomer(TenantId tenantId, CustomerNumber customerNumber, CustomerDetails details)
        implements CustomerCommand {
}
