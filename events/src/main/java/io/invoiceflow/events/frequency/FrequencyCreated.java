package io.invoiceflow.events.frequency;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/**
 * A frequency was added to the catalogue, active. {@code name} is the tenant's override or, when
 * {@code automaticName}, the name generated from the pattern in the tenant's language.
 */
@EventRevision("1")
public record FrequencyCreated(FrequencyId frequencyId, TenantId tenantId, String name, boolean automaticName,
                               FrequencyDefinition definition) implements FrequencyEvent {
}
