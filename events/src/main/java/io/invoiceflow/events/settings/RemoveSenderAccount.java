package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.TenantId;

/** Remove the tenant's SMTP account and erase its password (S6): the system sender applies again. */
public record RemoveSenderAccount(TenantId tenantId, Long expectedVersion) implements DistributionSettingsCommand {
}
