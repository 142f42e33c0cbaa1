package io.invoiceflow.projections.recurring;

import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.recurrence.RecurringSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recurring invoice template or subscription as the read side stores it: what it invoices, its
 * schedule, pauses and stop, and how many invoices it produced. Its subscribers and its produced
 * invoices are stored beside it, one entry each ({@link RecurringStore}), so that neither a large
 * subscription nor a long history makes this view large. {@code status}: ACTIVE, PAUSED or STOPPED.
 */
public record RecurringView(String recurringId, String tenantId, RecurringKind kind, String name, String status,
                            String sourceInvoiceId, InvoiceContent content, String frequencyId,
                            FrequencyDefinition schedule, List<RecurringSchedule.Pause> pauses, LocalDate stoppedFrom,
                            long issuedCount, LocalDate lastOccurrenceDate, Instant createdAt, String createdBy,
                            Instant updatedAt, String updatedBy) {

    /** The schedule's rules over {@code subscribers}. */
    public RecurringSchedule rules(List<RecurringSchedule.Subscriber> subscribers) {
        return new RecurringSchedule(kind, schedule, pauses, stoppedFrom, subscribers);
    }
}
