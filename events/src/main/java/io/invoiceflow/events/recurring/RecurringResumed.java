package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/** The schedule runs again from {@code from}; occurrences before it, inside the pause, stay skipped. */
@EventRevision("1")
public record RecurringResumed(RecurringId recurringId, TenantId tenantId, LocalDate from) implements RecurringEvent {
}
