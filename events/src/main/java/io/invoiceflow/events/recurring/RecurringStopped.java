package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/** The schedule was stopped for good from {@code from}: no occurrence on or after it is issued. */
@EventRevision("1")
public record RecurringStopped(RecurringId recurringId, TenantId tenantId, LocalDate from) implements RecurringEvent {
}
