package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/** A customer subscribes; {@code endDate} ends its subscription before the schedule's end (null: with it). */
@EventRevision("1")
public record SubscriberAdded(RecurringId recurringId, TenantId tenantId, CustomerNumber customerNumber, LocalDate endDate) implements RecurringEvent {
}
