package io.invoiceflow.events.frequency;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** A frequency's schedule was replaced; {@code name} is its name afterwards (regenerated when automatic). */
@EventRevision("1")
public record FrequencyPatternChanged(FrequencyId frequencyId, TenantId tenantId, FrequencyDefinition definition,
                                      String name) implements FrequencyEvent {
}
