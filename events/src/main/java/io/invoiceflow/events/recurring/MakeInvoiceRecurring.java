package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/**
 * R1: makes invoice {@code invoiceId} (in any state) a recurring invoice template: its content without
 * dates is what each occurrence invoices, to its customer, on the {@code schedule}. {@code name} null:
 * the customer's name.
 */
public record MakeInvoiceRecurring(RecurringId recurringId, TenantId tenantId, InvoiceId invoiceId, String name,
                                   ScheduleInput schedule) implements RecurringCommand {
}
