package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/**
 * Q6: a subscription: lines priced like an order's, payment terms (default due on receipt), texts, an
 * optional {@code language} for every subscriber's invoices (null: each customer's invoice language,
 * else the tenant's), the {@code schedule} and the first {@code subscribers} (may be empty).
 */
public record CreateSubscription(RecurringId recurringId, TenantId tenantId, String name, List<LineInput> lines,
                                 PaymentTerms paymentTerms, String poNumber, String comments, String language,
                                 ScheduleInput schedule, List<SubscriberInput> subscribers)
        implements RecurringCommand {
}
