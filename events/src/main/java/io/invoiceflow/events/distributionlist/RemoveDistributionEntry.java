package io.invoiceflow.events.distributionlist;

import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** Removes the entry of {@code customerNumber}; invoices to it then go to the customer's contacts. */
public record RemoveDistributionEntry(TenantId tenantId, CustomerNumber customerNumber, Long expectedVersion)
        implements DistributionListCommand {
}
