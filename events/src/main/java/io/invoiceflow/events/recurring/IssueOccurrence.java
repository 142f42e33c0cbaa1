package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/**
 * The scheduler's command: issue the occurrence of {@code occurrenceDate} to {@code customerNumber}
 * as a finalized invoice (which then goes into distribution). Refused, changing nothing, when the
 * date is not an occurrence of the schedule, falls in a pause, on or after a stop or after the end
 * (the schedule's, or the subscriber's own), the customer does not subscribe on that date, or the
 * tenant has invoicing deactivated; a repeat is refused as ALREADY_EXISTS (the invoice id is derived).
 * On {@code invoicing.commands} it is keyed by that invoice id.
 */
public record IssueOccurrence(RecurringId recurringId, TenantId tenantId, LocalDate occurrenceDate,
                              CustomerNumber customerNumber) implements RecurringCommand {
    @Override
    public String aggregateId() {
        return recurringId.occurrenceInvoice(customerNumber, occurrenceDate).value();
    }
}
