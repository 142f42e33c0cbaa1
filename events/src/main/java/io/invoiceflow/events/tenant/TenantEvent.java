package io.invoiceflow.events.tenant;

import io.invoiceflow.events.DomainEvent;

/** Everything that happens to a tenant. Aggregate id: the tenant id. */
public sealed interface TenantEvent extends DomainEvent
        permits TenantCreated, InvoicingDeactivated, InvoicingActivated, UserCreated {
}
