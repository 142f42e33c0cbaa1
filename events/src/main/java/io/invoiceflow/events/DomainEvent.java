package io.invoiceflow.events;

import io.invoiceflow.events.shared.TenantId;

/** Every event belongs to one tenant. */
public interface DomainEvent {
    TenantId tenantId();
}
