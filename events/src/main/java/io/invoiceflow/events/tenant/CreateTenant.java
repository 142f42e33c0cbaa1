package io.invoiceflow.events.tenant;

import io.invoiceflow.events.shared.TenantId;

public record CreateTenant(TenantId tenantId, TenantProfile profile) implements TenantCommand {
}
