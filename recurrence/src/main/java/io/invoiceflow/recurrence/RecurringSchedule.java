package io.invoiceflow.recurrence;

import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which customers each date of a recurring invoice template or subscription invoices (R1-R3, R6, Q2,
 * Q6), folded from its events. The one place these rules live: the write side checks an occurrence
 * with it, the read side lists the next dates with it, a scheduler can find what is due with it. A
 * date {@code D} invoices a customer when
 * <ul>
 *   <li>{@code D} is a date of the pattern from the anchor (the first date), the end left aside;</li>
 *   <li>{@code D} is before the stop and outside every pause ({@code [from, until)}; an open pause has no end);</li>
 *   <li>the customer subscribes on {@code D}: from its {@link Subscriber#startDate} (a template's customer:
 *       the first date) to its {@link Subscriber#lastDate}, which is its own end date where it has one
 *       (it overrides the schedule's end, Q2), else the schedule's end ({@code AFTER_OCCURRENCES} N: the
 *       N-th date of the pattern from its start date), and before the day it was removed.</li>
 * </ul>
 * Dates a pause skips still count towards N: nothing is produced late. Immutable; {@code definition}
 * is canonical (as every {@link RecurringCreated} carries it); subscribers are in customer number order.
 */
public record RecurringSchedule(RecurringKind kind, FrequencyDefinition definition, List<Pause> pauses,
                                LocalDate stoppedFrom, List<Subscriber> subscribers) {
    /** Dates a search looks at before it concludes nothing more is due (over 27 years of a daily pattern). */
    private static final int MAX_STEPS = 10_000;

    public RecurringSchedule {
        pauses = List.copyOf(pauses);
        subscribers = List.copyOf(subscribers);
    }

    /** A pause from {@code from} to the day before {@code until}; {@code until} null while it lasts. */
    public record Pause(LocalDate from, LocalDate until) {
        boolean contains(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }
    }

    /**
     * A customer the schedule invoices: a subscriber, or a template's own customer. {@code endDate} is its
     * own end (null: the schedule's), {@code removedFrom} the day it was removed (null: it was not).
     * {@code lastDate} is derived from them and the schedule's end: the last date it may be invoiced,
     * null while it is open-ended.
     */
    public record Subscriber(CustomerNumber customerNumber, LocalDate startDate, LocalDate endDate,
                             LocalDate removedFrom, LocalDate lastDate) {
        boolean covers(LocalDate date) {
            return !date.isBefore(startDate) && (lastDate == null || !date.isAfter(lastDate));
        }
    }

    /** Where a schedule stands: running, paused (until resumed) or stopped for good. */
    public enum Status { ACTIVE, PAUSED, STOPPED }

    /** Whether an occurrence is due for a customer on a date, or why not. */
    public enum Verdict {
        DUE,
        /** The date is before the first date or is not a date of the pattern. */
        NOT_AN_OCCURRENCE,
        /** The date is on or after the day the schedule was stopped. */
        STOPPED,
        /** The date falls inside a pause (R6): skipped, never produced late. */
        PAUSED,
        /** The date is after the customer's end: its own, or the schedule's. */
        ENDED,
        /** The customer does not subscribe on that date: never did, not yet, or was removed. */
        NOT_SUBSCRIBED
    }

    /** The dates of an occurrence and the customers it invoices, in customer number order. */
    public record Occurrence(LocalDate date, List<CustomerNumber> customers) {
    }

    /** The schedule as {@code created} makes it: active; a template invoices its own customer from the first date. */
    public static RecurringSchedule of(RecurringCreated created) {
        RecurringSchedule empty = new RecurringSchedule(created.kind(), created.schedule(), List.of(),
                null, List.of());
        if (created.kind() != RecurringKind.INVOICE_TEMPLATE) {
            return empty;
        }
        CustomerNumber customer = created.content().customer().customerNumber();
        return empty.withSubscriber(customer, created.schedule().anchor(), null, null);
    }

    /** The schedule after {@code event}; a {@link RecurringCreated} starts a new one. */
    public RecurringSchedule apply(RecurringEvent event) {
        if (event instanceof RecurringCreated created) {
            return of(created);
        }
        if (event instanceof SubscriberAdded added) {
            return withSubscriber(added.customerNumber(), added.startDate(), added.endDate(), null);
        }
        if (event instanceof SubscriberEndChanged changed) {
            return subscriber(changed.customerNumber()).map(s -> withSubscriber(s.customerNumber(), s.startDate(),
                    changed.endDate(), s.removedFrom())).orElse(this);
        }
        if (event instanceof SubscriberRemoved removed) {
            return subscriber(removed.customerNumber()).map(s -> withSubscriber(s.customerNumber(), s.startDate(),
                    s.endDate(), removed.from())).orElse(this);
        }
        if (event instanceof RecurringPaused paused) {
            List<Pause> more = new ArrayList<>(pauses);
            more.add(new Pause(paused.from(), null));
            return new RecurringSchedule(kind, definition, more, stoppedFrom, subscribers);
        }
        if (event instanceof RecurringResumed resumed && openPause().isPresent()) {
            List<Pause> closed = new ArrayList<>(pauses);
            Pause open = closed.remove(closed.size() - 1);
            closed.add(new Pause(open.from(), resumed.from()));
            return new RecurringSchedule(kind, definition, closed, stoppedFrom, subscribers);
        }
        if (event instanceof RecurringStopped stopped) {
            return new RecurringSchedule(kind, definition, pauses, stopped.from(), subscribers);
        }
        if (event instanceof OccurrenceIssued || event instanceof RecurringResumed) {
            return this;
        }
        throw new IllegalArgumentException("unknown recurring event " + event.getClass().getName());
    }

    public Status status() {
        if (stoppedFrom != null) {
            return Status.STOPPED;
        }
        return openPause().isPresent() ? Status.PAUSED : Status.ACTIVE;
    }

    /** The pause that lasts, if the schedule is paused. */
    public Optional<Pause> openPause() {
        return pauses.isEmpty() || pauses.get(pauses.size() - 1).until() != null ? Optional.empty()
                : Optional.of(pauses.get(pauses.size() - 1));
    }

    /** The customer's entry (also when it was removed or has ended). */
    public Optional<Subscriber> subscriber(CustomerNumber customer) {
        int at = indexOf(customer);
        return at < 0 ? Optional.empty() : Optional.of(subscribers.get(at));
    }

    /** Whether the occurrence of {@code date} is due for {@code customer}, or why not. */
    public Verdict check(LocalDate date, CustomerNumber customer) {
        if (!onPattern(date)) {
            return Verdict.NOT_AN_OCCURRENCE;
        }
        if (stoppedOn(date)) {
            return Verdict.STOPPED;
        }
        if (pausedOn(date)) {
            return Verdict.PAUSED;
        }
        Optional<Subscriber> entry = subscriber(customer);
        if (entry.isEmpty() || date.isBefore(entry.get().startDate())
                || entry.get().removedFrom() != null && !date.isBefore(entry.get().removedFrom())) {
            return Verdict.NOT_SUBSCRIBED;
        }
        return entry.get().covers(date) ? Verdict.DUE : Verdict.ENDED;
    }

    /** The customers the occurrence of {@code date} invoices; empty when none is due. */
    public List<CustomerNumber> customersOn(LocalDate date) {
        if (!onPattern(date) || stoppedOn(date) || pausedOn(date)) {
            return List.of();
        }
        return subscribers.stream().filter(s -> s.covers(date)).map(Subscriber::customerNumber).toList();
    }

    /** The first date on or after {@code from} that invoices someone; empty when none will (stopped, paused, ended). */
    public Optional<LocalDate> nextDate(LocalDate from) {
        Recurrence dates = pattern();
        LocalDate day = from.isBefore(definition.anchor()) ? definition.anchor() : from;
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<LocalDate> next = dates.nextOnOrAfter(day);
            if (next.isEmpty() || stoppedOn(next.get())) {
                return Optional.empty();
            }
            LocalDate date = next.get();
            Optional<Pause> pause = pauses.stream().filter(p -> p.contains(date)).findFirst();
            if (pause.isPresent()) {
                if (pause.get().until() == null) {
                    return Optional.empty();
                }
                day = pause.get().until();
                continue;
            }
            LocalDate earliest = null;
            for (Subscriber s : subscribers) {
                if (s.covers(date)) {
                    return Optional.of(date);
                }
                LocalDate start = s.startDate().isAfter(date) ? s.startDate() : null;
                if (start != null && (s.lastDate() == null || !s.lastDate().isBefore(start))
                        && (earliest == null || start.isBefore(earliest))) {
                    earliest = start;
                }
            }
            if (earliest == null) {
                return Optional.empty(); // everyone has ended, or there is no one
            }
            day = earliest;
        }
        return Optional.empty();
    }

    /** Up to {@code count} occurrences on or after {@code from} with the customers each invoices. */
    public List<Occurrence> next(int count, LocalDate from) {
        List<Occurrence> found = new ArrayList<>();
        LocalDate day = from;
        while (found.size() < count) {
            Optional<LocalDate> next = nextDate(day);
            if (next.isEmpty()) {
                break;
            }
            found.add(new Occurrence(next.get(), customersOn(next.get())));
            day = next.get().plusDays(1);
        }
        return found;
    }

    // ---- the rules

    private boolean onPattern(LocalDate date) {
        return !date.isBefore(definition.anchor()) && pattern().occursOn(date);
    }

    private boolean stoppedOn(LocalDate date) {
        return stoppedFrom != null && !date.isBefore(stoppedFrom);
    }

    private boolean pausedOn(LocalDate date) {
        for (Pause p : pauses) {
            if (p.contains(date)) {
                return true;
            }
        }
        return false;
    }

    /** The pattern's dates from the anchor without the end: each customer's end is applied on its own. */
    private Recurrence pattern() {
        return new Recurrence(new FrequencyDefinition(definition.pattern(), definition.anchor(), FrequencyEnd.never()));
    }

    /** The last date a customer starting on {@code start} may be invoiced; null while open-ended. */
    private LocalDate lastDate(LocalDate start, LocalDate endDate, LocalDate removedFrom) {
        LocalDate last = endDate != null ? endDate : switch (definition.end().kind()) {
            case NEVER -> null;
            case ON_DATE -> definition.end().until();
            case AFTER_OCCURRENCES -> {
                List<LocalDate> counted = pattern().next(definition.end().occurrences(), start);
                yield counted.isEmpty() ? start.minusDays(1) : counted.get(counted.size() - 1);
            }
        };
        if (removedFrom != null && (last == null || !last.isBefore(removedFrom))) {
            last = removedFrom.minusDays(1);
        }
        return last;
    }

    private RecurringSchedule withSubscriber(CustomerNumber customer, LocalDate start, LocalDate endDate,
                                             LocalDate removedFrom) {
        Subscriber entry = new Subscriber(customer, start, endDate, removedFrom, lastDate(start, endDate, removedFrom));
        List<Subscriber> changed = new ArrayList<>(subscribers);
        int at = indexOf(customer);
        if (at >= 0) {
            changed.set(at, entry);
        } else {
            changed.add(-at - 1, entry);
        }
        return new RecurringSchedule(kind, definition, pauses, stoppedFrom, changed);
    }

    private int indexOf(CustomerNumber customer) {
        int low = 0;
        int high = subscribers.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = subscribers.get(mid).customerNumber().value().compareTo(customer.value());
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
