package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/** The schedule was paused from {@code from} (the tenant's today): occurrences inside the pause are skipped, not produced late (R6). */
@EventRevision("1")
public record RecurringPaused(RecurringId recurringId, TenantId tenantId, LocalDate from) implements RecurringEvent {
}
