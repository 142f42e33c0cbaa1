package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** Remove a customer's layout rule (S2). */
public record RemoveCustomerLayout(TenantId tenantId, CustomerNumber customerNumber, Long expectedVersion)
        implements DistributionSettingsCommand {
}
