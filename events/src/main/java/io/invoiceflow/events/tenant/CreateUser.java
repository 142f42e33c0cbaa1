package io.invoiceflow.events.tenant;

import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.UserId;

import java.util.Set;

/**
 * Create a user with an API key. {@code apiKeyHash} is the SHA-256 of the key (hex); the write side
 * stores it outside the event, which carries only {@code apiKeyPrefix}.
 */
public record CreateUser(TenantId tenantId, UserId userId, String name, String email, Set<Role> roles,
                         String apiKeyPrefix, String apiKeyHash) implements TenantCommand {
    @Override
    public String toString() {
        return "CreateUser[tenantId=" + tenantId + ", userId=" + userId + ", name=" + name + ", roles=" + roles + "]";
    }
}
