package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/** The occurrence of {@code occurrenceDate} was issued to {@code customerNumber} as the finalized invoice {@code invoiceId} (whose id is derived from the schedule, the customer and the date, so it is issued once). */
@EventRevision("1")
public record OccurrenceIssued(RecurringId recurringId, TenantId tenantId, LocalDate occurrenceDate, CustomerNumber customerNumber, InvoiceId invoiceId) implements RecurringEvent {
}
