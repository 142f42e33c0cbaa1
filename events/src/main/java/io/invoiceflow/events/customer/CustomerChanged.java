package io.invoiceflow.events.customer;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** A customer's details (contacts included) were replaced; existing invoices keep their snapshot. */
@EventRevision("1")
public record CustomerChanged(TenantId tenantId, CustomerNumber customerNumber, CustomerDetails details)
        implements CustomerEvent {
}
