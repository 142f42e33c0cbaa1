package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/** A subscriber's own end date was set (it overrides the schedule's end for it) or cleared (null: the schedule's end applies). */
@EventRevision("1")
public record SubscriberEndChanged(RecurringId recurringId, TenantId tenantId, CustomerNumber customerNumber, LocalDate endDate) implements RecurringEvent {
}
