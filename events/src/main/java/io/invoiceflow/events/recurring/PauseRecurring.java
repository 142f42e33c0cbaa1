package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.TenantId;

/** R6: pauses an active schedule from today in the tenant's time zone; occurrences inside the pause are skipped. */
public record PauseRecurring(RecurringId recurringId, TenantId tenantId, Long expectedVersion)
        implements RecurringCommand {
}
