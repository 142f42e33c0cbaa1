package io.invoiceflow.events.distributionlist;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/**
 * Invoices to {@code customerNumber} go to {@code email} from now on: the entry was added, or its address
 * changed. Only emitted when the address differs from the one in force.
 */
@EventRevision("1")
public record DistributionEntrySet(TenantId tenantId, CustomerNumber customerNumber, String email)
        implements DistributionListEvent {
}
