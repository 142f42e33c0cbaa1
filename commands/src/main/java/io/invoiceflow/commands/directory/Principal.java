package io.invoiceflow.commands.directory;

import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.UserId;
import io.invoiceflow.events.tenant.Role;

import java.util.Set;

/** The owner of an API key. */
public record Principal(TenantId tenantId, UserId userId, Set<Role> roles) {
}
