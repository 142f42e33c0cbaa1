package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.TenantId;

/** Ends a schedule for good from today in the tenant's time zone (active or paused). */
public record StopRecurring(RecurringId recurringId, TenantId tenantId, Long expectedVersion)
        implements RecurringCommand {
}
