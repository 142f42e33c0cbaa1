package io.invoiceflow.events.frequency;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** A deactivated frequency was made available again. */
@EventRevision("1")
public record FrequencyReactivated(FrequencyId frequencyId, TenantId tenantId) implements FrequencyEvent {
}
