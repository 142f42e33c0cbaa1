package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** A customer no longer subscribes; occurrences from now on do not invoice it. */
@EventRevision("1")
public record SubscriberRemoved(RecurringId recurringId, TenantId tenantId, CustomerNumber customerNumber) implements RecurringEvent {
}
