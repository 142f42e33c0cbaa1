package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** S2: the customer's layout rule was removed: the tenant's defaults apply again. */
@EventRevision("1")
public record CustomerLayoutRemoved(TenantId tenantId, CustomerNumber customerNumber)
        implements DistributionSettingsEvent {
}
