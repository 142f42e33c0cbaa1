package io.invoiceflow.events.recurring;

import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;

import java.time.LocalDate;

/**
 * A schedule as the client writes it: exactly one of {@code frequencyId} (an active frequency of the
 * tenant's catalogue, whose pattern and end are copied; Q5), {@code period} (R1) or an inline
 * {@code pattern} (Q1); the {@code firstDate} (tomorrow at the earliest in the tenant's time zone, R2)
 * and an optional {@code endDate} (R3: the last date an occurrence may fall on, not before the first
 * date). An end date replaces a catalogue frequency's own end; without either the schedule runs until
 * it is stopped.
 */
public record ScheduleInput(FrequencyId frequencyId, RecurringPeriod period, FrequencyPattern pattern,
                            LocalDate firstDate, LocalDate endDate) {
}
