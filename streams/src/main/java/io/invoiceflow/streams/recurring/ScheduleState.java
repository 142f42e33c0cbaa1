package io.invoiceflow.streams.recurring;

import io.invoiceflow.recurrence.RecurringSchedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the scheduler keeps of one schedule: its rules, folded from its events, and the durable
 * progress of the morning run.
 *
 * @param issuedThrough the last date the run has dealt with (issued or skipped); null before the first
 * @param cursor        the next date that invoices someone after {@code issuedThrough}; null when none will
 * @param dueAt         the instant the cursor is indexed at in the due store; null while not indexed (no
 *                      cursor, or the tenant's time zone not known yet)
 */
record ScheduleState(String recurringId, String tenantId, RecurringSchedule schedule, LocalDate issuedThrough,
                     LocalDate cursor, Instant dueAt) {

    /** A new schedule: nothing dealt with yet. */
    static ScheduleState created(String recurringId, String tenantId, RecurringSchedule schedule) {
        return new ScheduleState(recurringId, tenantId, schedule, null, null, null).advanced();
    }

    /** The schedule after a change to its rules; the cursor follows them. */
    ScheduleState with(RecurringSchedule next) {
        return new ScheduleState(recurringId, tenantId, next, issuedThrough, cursor, dueAt).advanced();
    }

    /** The schedule once the run has dealt with {@code date}. */
    ScheduleState dealtWith(LocalDate date) {
        return new ScheduleState(recurringId, tenantId, schedule, date, cursor, dueAt).advanced();
    }

    ScheduleState withDueAt(Instant at) {
        return new ScheduleState(recurringId, tenantId, schedule, issuedThrough, cursor, at);
    }

    private ScheduleState advanced() {
        LocalDate from = issuedThrough == null ? schedule.definition().anchor() : issuedThrough.plusDays(1);
        return new ScheduleState(recurringId, tenantId, schedule, issuedThrough,
                schedule.nextDate(from).orElse(null), dueAt);
    }
}
