package io.invoiceflow.events.frequency;

import io.invoiceflow.events.shared.TenantId;

/** Replaces a frequency's pattern and end; a null anchor keeps the current one. */
public record ChangeFrequencyPattern(FrequencyId frequencyId, TenantId tenantId, FrequencyDefinition definition,
                                     Long expectedVersion) implements FrequencyCommand {
}
