package io.invoiceflow.events.frequency;

import io.invoiceflow.events.shared.TenantId;

/**
 * Adds a frequency to the catalogue. {@code name} null: named automatically from the pattern in the
 * tenant's language. A null anchor is today in the tenant's time zone; a null end is never.
 */
public record CreateFrequency(FrequencyId frequencyId, TenantId tenantId, String name, FrequencyDefinition definition)
        implements FrequencyCommand {
}
