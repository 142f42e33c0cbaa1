package io.invoiceflow.projections.recurring;

import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.recurrence.FrequencyNames;
import io.invoiceflow.recurrence.NameLanguage;
import io.invoiceflow.recurrence.RecurringSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recurring invoice template or subscription in the tenant's list: a template's customer or a
 * subscription's number of current subscribers, the schedule's name, first and end date, the next date
 * it invoices someone (null when it will not: stopped, paused, ended), what it produced so far.
 */
public record RecurringRow(String recurringId, RecurringKind kind, String name, String status, String customerNumber,
                           String customerName, int subscriberCount, String frequencyId, String scheduleName,
                           LocalDate firstDate, LocalDate endDate, LocalDate nextDate, long issuedCount,
                           LocalDate lastOccurrenceDate, Instant updatedAt) {

    public static RecurringRow of(RecurringView view, List<RecurringSchedule.Subscriber> subscribers,
                                  LocalDate nextDate, NameLanguage language) {
        boolean template = view.kind() == RecurringKind.INVOICE_TEMPLATE;
        FrequencyEnd end = view.schedule().end();
        return new RecurringRow(view.recurringId(), view.kind(), view.name(), view.status(),
                template ? view.content().customer().customerNumber().value() : null,
                template ? view.content().customer().name() : null,
                (int) subscribers.stream().filter(s -> s.removedFrom() == null).count(), view.frequencyId(),
                FrequencyNames.name(view.schedule().pattern(), language), view.schedule().anchor(),
                end.kind() == FrequencyEnd.Kind.ON_DATE ? end.until() : null, nextDate, view.issuedCount(),
                view.lastOccurrenceDate(), view.updatedAt());
    }
}
