package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/**
 * S6: the tenant's own SMTP account was set or changed; from now on every email of the tenant goes through it.
 * {@code passwordSet}: a password is stored (encrypted, never in an event); {@code passwordChanged}: this change
 * stored a new one or removed it.
 */
@EventRevision("1")
public record SenderAccountSet(TenantId tenantId, SenderAccount account, boolean passwordSet, boolean passwordChanged)
        implements DistributionSettingsEvent {
}
