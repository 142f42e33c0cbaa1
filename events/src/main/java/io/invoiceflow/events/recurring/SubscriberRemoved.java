package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/**
 * A customer no longer subscribes: occurrences on or after {@code from} (the tenant's today when it
 * was removed) do not invoice it; earlier ones still may (a catch-up of a missed day).
 */
@EventRevision("1")
public record SubscriberRemoved(RecurringId recurringId, TenantId tenantId, CustomerNumber customerNumber,
                                LocalDate from) implements RecurringEvent {
}
