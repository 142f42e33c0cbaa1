package io.invoiceflow.events.customer;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** A customer was registered under a number unique in its tenant. */
@EventRevision("1")
public record CustomerRegistered(TenantId tenantId, CustomerNumber customerNumber, CustomerDetails details)
        implements CustomerEvent {
}
