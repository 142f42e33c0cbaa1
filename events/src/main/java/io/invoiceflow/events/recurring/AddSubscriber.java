package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.TenantId;

/** Q6: a customer subscribes to a subscription; a removed subscriber may subscribe again. */
public record AddSubscriber(RecurringId recurringId, TenantId tenantId, SubscriberInput subscriber,
                            Long expectedVersion) implements RecurringCommand {
}
