package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** Q6: a customer no longer subscribes: from today in the tenant's time zone its occurrences are not issued. */
public record RemoveSubscriber(RecurringId recurringId, TenantId tenantId, CustomerNumber customerNumber,
                               Long expectedVersion) implements RecurringCommand {
}
