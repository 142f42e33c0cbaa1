package io.invoiceflow.projections.recurring;

import io.invoiceflow.events.recurring.OccurrenceIssued;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringEvent;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.recurring.RecurringPaused;
import io.invoiceflow.events.recurring.RecurringResumed;
import io.invoiceflow.events.recurring.RecurringStopped;
import io.invoiceflow.events.recurring.SubscriberAdded;
import io.invoiceflow.events.recurring.SubscriberEndChanged;
import io.invoiceflow.events.recurring.SubscriberRemoved;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.projections.EventEnvelope;
import io.invoiceflow.recurrence.RecurringSchedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How a recurring schedule's read models follow its events: the view, each customer's entry, each
 * produced invoice. Pure steps, used by the projections and by the write side's command responses, so
 * both answer alike; the rules themselves are {@link RecurringSchedule}'s.
 */
public final class RecurringFolds {
    private RecurringFolds() {
    }

    /** The view after {@code event}; null before the schedule exists. */
    public static RecurringView view(RecurringView before, EventEnvelope event) {
        Object p = event.payload();
        if (p instanceof RecurringCreated c) {
            return new RecurringView(c.recurringId().value(), c.tenantId().value(), c.kind(), c.name(),
                    RecurringSchedule.Status.ACTIVE.name(), c.sourceInvoiceId() == null ? null : c.sourceInvoiceId().value(),
                    c.content(), c.frequencyId() == null ? null : c.frequencyId().value(), c.schedule(), List.of(), null,
                    0, null, event.time(), event.actor(), event.time(), event.actor());
        }
        if (before == null) {
            return null;
        }
        RecurringView b = before;
        if (p instanceof RecurringPaused || p instanceof RecurringResumed || p instanceof RecurringStopped) {
            RecurringSchedule rules = b.rules(List.of()).apply((RecurringEvent) p);
            return new RecurringView(b.recurringId(), b.tenantId(), b.kind(), b.name(), rules.status().name(),
                    b.sourceInvoiceId(), b.content(), b.frequencyId(), b.schedule(), rules.pauses(), rules.stoppedFrom(),
                    b.issuedCount(), b.lastOccurrenceDate(), b.createdAt(), b.createdBy(), event.time(), event.actor());
        }
        long issued = b.issuedCount();
        LocalDate last = b.lastOccurrenceDate();
        if (p instanceof OccurrenceIssued o) {
            issued++;
            last = last == null || o.occurrenceDate().isAfter(last) ? o.occurrenceDate() : last;
        }
        return new RecurringView(b.recurringId(), b.tenantId(), b.kind(), b.name(), b.status(), b.sourceInvoiceId(),
                b.content(), b.frequencyId(), b.schedule(), b.pauses(), b.stoppedFrom(), issued, last, b.createdAt(),
                b.createdBy(), event.time(), event.actor());
    }

    /** The customer an event changes the entry of: a subscriber, or a template's own customer when it is created. */
    public static Optional<CustomerNumber> customerOf(Object event) {
        if (event instanceof RecurringCreated c) {
            return c.kind() == RecurringKind.INVOICE_TEMPLATE ? Optional.of(c.content().customer().customerNumber())
                    : Optional.empty();
        }
        if (event instanceof SubscriberAdded e) {
            return Optional.of(e.customerNumber());
        }
        if (event instanceof SubscriberEndChanged e) {
            return Optional.of(e.customerNumber());
        }
        if (event instanceof SubscriberRemoved e) {
            return Optional.of(e.customerNumber());
        }
        return Optional.empty();
    }

    /**
     * The entry of the customer {@link #customerOf} names after {@code event}; {@code view} is the schedule's
     * view after the event, {@code before} the customer's entry before it (null if it had none).
     */
    public static RecurringSchedule.Subscriber subscriber(RecurringView view, RecurringSchedule.Subscriber before,
                                                          RecurringEvent event) {
        RecurringSchedule after = event instanceof RecurringCreated created ? RecurringSchedule.of(created)
                : view.rules(before == null ? List.of() : List.of(before)).apply(event);
        CustomerNumber customer = customerOf(event).orElseThrow();
        return after.subscriber(customer).orElse(before);
    }

    /** The produced invoice an {@code OccurrenceIssued} records. */
    public static IssuedOccurrence issued(OccurrenceIssued event, EventEnvelope envelope) {
        return new IssuedOccurrence(event.occurrenceDate(), event.customerNumber().value(), event.invoiceId().value(),
                event.invoiceNumber(), envelope.time());
    }
}
