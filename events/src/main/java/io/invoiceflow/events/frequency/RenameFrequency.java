package io.invoiceflow.events.frequency;

import io.invoiceflow.events.shared.TenantId;

/** Overrides a frequency's name; {@code name} null goes back to the automatic name. */
public record RenameFrequency(FrequencyId frequencyId, TenantId tenantId, String name, Long expectedVersion)
        implements FrequencyCommand {
}
