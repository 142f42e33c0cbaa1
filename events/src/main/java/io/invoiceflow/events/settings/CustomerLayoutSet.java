package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** S2: the customer's invoices and credit notes are rendered with {@code layout}, whatever the tenant's default. */
@EventRevision("1")
public record CustomerLayoutSet(TenantId tenantId, CustomerNumber customerNumber, String layout)
        implements DistributionSettingsEvent {
}
