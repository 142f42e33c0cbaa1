package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.TenantId;

/** R6: resumes a paused schedule from today in the tenant's time zone; the skipped occurrences stay skipped. */
public record ResumeRecurring(RecurringId recurringId, TenantId tenantId, Long expectedVersion)
        implements RecurringCommand {
}
