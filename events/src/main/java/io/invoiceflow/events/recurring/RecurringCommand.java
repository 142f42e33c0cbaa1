package io.invoiceflow.events.recurring;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.TenantId;

/** Everything that can be asked of a recurring schedule. */
public sealed interface RecurringCommand extends AggregateCommand
        permits MakeInvoiceRecurring, CreateSubscription, PauseRecurring, ResumeRecurring, StopRecurring,
        AddSubscriber, ChangeSubscriberEnd, RemoveSubscriber, IssueOccurrence {
    RecurringId recurringId();

    TenantId tenantId();

    @Override
    default String aggregateId() {
        return recurringId().value();
    }
}
