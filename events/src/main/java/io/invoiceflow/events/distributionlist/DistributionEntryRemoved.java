package io.invoiceflow.events.distributionlist;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** The entry of {@code customerNumber} was removed from the distribution list; it can be set again later. */
@EventRevision("1")
public record DistributionEntryRemoved(TenantId tenantId, CustomerNumber customerNumber)
        implements DistributionListEvent {
}
