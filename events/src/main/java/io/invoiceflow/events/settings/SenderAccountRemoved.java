package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** S6: the tenant's SMTP account {@code accountName} was removed (and its password erased): the system sender applies again. */
@EventRevision("1")
public record SenderAccountRemoved(TenantId tenantId, String accountName) implements DistributionSettingsEvent {
}
