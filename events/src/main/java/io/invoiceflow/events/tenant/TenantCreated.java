package io.invoiceflow.events.tenant;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** A tenant (a client company) was created, with invoicing active. */
@EventRevision("1")
public record TenantCreated(TenantId tenantId, TenantProfile profile) implements TenantEvent {
}
