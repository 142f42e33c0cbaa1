package io.invoiceflow.events.frequency;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** A frequency was deactivated: new subscriptions cannot use it. */
@EventRevision("1")
public record FrequencyDeactivated(FrequencyId frequencyId, TenantId tenantId) implements FrequencyEvent {
}
