package io.invoiceflow.streams.recurring;

import io.invoiceflow.events.frequency.FrequencyDefinition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scheduler keeps of one schedule: its dates, who it invoices, its pauses and stop, and the
 * durable cursor: the next occurrence date not yet issued (null when none is left).
 *
 * @param subscribers customer number -> the subscriber's own end date (null: none), in the order they came
 * @param pauses      [from, until) date ranges; {@code until} null while paused
 * @param dueAt       the instant the cursor is indexed at in the due store; null while not indexed (no
 *                    cursor, stopped, or the tenant's time zone not known yet)
 */
record ScheduleState(String recurringId, String tenantId, FrequencyDefinition schedule,
                     Map<String, LocalDate> subscribers, List<Pause> pauses, LocalDate stoppedFrom,
                     LocalDate cursor, Instant dueAt) {

    record Pause(LocalDate from, LocalDate until) {
        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }
    }

    boolean paused(LocalDate date) {
        return pauses.stream().anyMatch(p -> p.covers(date));
    }

    boolean stopped(LocalDate date) {
        return stoppedFrom != null && !date.isBefore(stoppedFrom);
    }

    ScheduleState withSubscribers(Map<String, LocalDate> next) {
        return new ScheduleState(recurringId, tenantId, schedule,
                Collections.unmodifiableMap(new LinkedHashMap<>(next)), pauses, stoppedFrom, cursor, dueAt);
    }

    ScheduleState withPauses(List<Pause> next) {
        return new ScheduleState(recurringId, tenantId, schedule, subscribers, List.copyOf(next), stoppedFrom, cursor,
                dueAt);
    }

    ScheduleState withStop(LocalDate from) {
        return new ScheduleState(recurringId, tenantId, schedule, subscribers, pauses, from, cursor, dueAt);
    }

    ScheduleState withCursor(LocalDate next) {
        return new ScheduleState(recurringId, tenantId, schedule, subscribers, pauses, stoppedFrom, next, dueAt);
    }

    ScheduleState withDueAt(Instant at) {
        return new ScheduleState(recurringId, tenantId, schedule, subscribers, pauses, stoppedFrom, cursor, at);
    }
}
