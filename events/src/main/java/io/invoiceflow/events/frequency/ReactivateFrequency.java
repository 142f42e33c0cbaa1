package io.invoiceflow.events.frequency;

import io.invoiceflow.events.shared.TenantId;

/** Makes a deactivated frequency available to new subscriptions again. */
public record ReactivateFrequency(FrequencyId frequencyId, TenantId tenantId, Long expectedVersion)
        implements FrequencyCommand {
}
