package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

import java.time.LocalDate;

/** Q2: sets (or, with null, clears) a subscriber's own end date, which overrides the subscription's end for it. */
public record ChangeSubscriberEnd(RecurringId recurringId, TenantId tenantId, CustomerNumber customerNumber,
                                  LocalDate endDate, Long expectedVersion) implements RecurringCommand {
}
