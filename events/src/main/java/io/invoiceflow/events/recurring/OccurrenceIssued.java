package io.invoiceflow.events.recurring;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/**
 * The occurrence of {@code occurrenceDate} was issued to {@code customerNumber} as the finalized invoice
 * {@code invoiceId}, numbered {@code invoiceNumber}, in the same transaction as that invoice's
 * {@code InvoiceDrafted} (origin {@code RECURRING}) and {@code InvoiceFinalized}. The invoice id is
 * {@link RecurringId#occurrenceInvoice derived} from the schedule, the customer and the date, so an
 * occurrence is issued at most once.
 */
@EventRevision("1")
public record OccurrenceIssued(RecurringId recurringId, TenantId tenantId, LocalDate occurrenceDate,
                               CustomerNumber customerNumber, InvoiceId invoiceId, String invoiceNumber)
        implements RecurringEvent {
}
