package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** S2: the tenant's default layout per kind of document was replaced; {@code layouts} is the whole new choice. */
@EventRevision("1")
public record DefaultLayoutsChanged(TenantId tenantId, DefaultLayouts layouts) implements DistributionSettingsEvent {
}
