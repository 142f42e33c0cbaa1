package io.invoiceflow.events.recurring;

import io.invoiceflow.events.DomainEvent;

/**
 * Everything that happens to a recurring invoice template or a subscription: created, subscribers
 * added, changed and removed, paused, resumed, stopped, and each occurrence issued. Aggregate id:
 * the recurring id.
 */
public sealed interface RecurringEvent extends DomainEvent
        permits RecurringCreated, SubscriberAdded, SubscriberEndChanged, SubscriberRemoved, RecurringPaused,
        RecurringResumed, RecurringStopped, OccurrenceIssued {
    RecurringId recurringId();
}
