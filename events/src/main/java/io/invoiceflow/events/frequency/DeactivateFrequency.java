package io.invoiceflow.events.frequency;

import io.invoiceflow.events.shared.TenantId;

/** Takes a frequency out of use for new subscriptions. */
public record DeactivateFrequency(FrequencyId frequencyId, TenantId tenantId, Long expectedVersion)
        implements FrequencyCommand {
}
