package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/**
 * A customer subscribes from {@code startDate} (the first date it may be invoiced: tomorrow at the
 * earliest, never before the schedule's first date). {@code endDate}, when set, is its own last
 * possible date and overrides the schedule's end for it (Q2), earlier or later; null: the schedule's
 * end applies (an end after N occurrences then counts N of the schedule's dates from its start date).
 * A customer that was removed may be added again: the new entry replaces the old one.
 */
@EventRevision("1")
public record SubscriberAdded(RecurringId recurringId, TenantId tenantId, CustomerNumber customerNumber,
                              LocalDate endDate, LocalDate startDate) implements RecurringEvent {
}
