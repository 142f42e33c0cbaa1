package io.invoiceflow.events.tenant;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.UserId;

import java.util.Set;

/**
 * A user was created and got an API key. The key itself and its hash are never in an event:
 * {@code apiKeyPrefix} is the key's public first characters, to tell keys apart.
 */
@EventRevision("1")
public record UserCreated(TenantId tenantId, UserId userId, String name, String email, Set<Role> roles, String apiKeyPrefix)
        implements TenantEvent {
}
