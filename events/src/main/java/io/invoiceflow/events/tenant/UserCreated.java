package io.invoiceflow.events.tenant;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.UserId;

import java.util.List;

/**
 * A user was created and got an API key. The key itself and its hash are never in an event:
 * {@code apiKeyPrefix} is the key's public first characters, to tell keys apart.
 * {@code roles} are distinct and in the order of {@link Role}, so the JSON is stable.
 */
@EventRevision("1")
public record UserCreated(TenantId tenantId, UserId userId, String name, String email, List<Role> roles, String apiKeyPrefix)
        implements TenantEvent {
}
