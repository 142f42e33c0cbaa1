package io.invoiceflow.events.frequency;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** A frequency's name was overridden, or ({@code automaticName}) set back to the generated one. */
@EventRevision("1")
public record FrequencyRenamed(FrequencyId frequencyId, TenantId tenantId, String name, boolean automaticName)
        implements FrequencyEvent {
}
