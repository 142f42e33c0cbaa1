package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.TenantId;

/** Replace the default layout of each kind of document (S2); a {@code custom:<name>} must name a template. */
public record ChangeDefaultLayouts(TenantId tenantId, DefaultLayouts layouts, Long expectedVersion)
        implements DistributionSettingsCommand {
}
