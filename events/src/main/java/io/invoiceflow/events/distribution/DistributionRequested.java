package io.invoiceflow.events.distribution;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/**
 * A document is to be distributed by email: an invoice ({@code invoiceId}) or an order's confirmation
 * ({@code orderId}), exactly one of them. {@code to} and {@code cc} are the addresses a user gave; empty lists
 * mean "route it": the distribution list entry of the customer number, else the document's first contact, with
 * the others in Cc. {@code layout}: the layout a user picked for an order; null: the tenant's default.
 * Revision 2 added {@code orderId} and {@code layout} (null in revision 1, which was always an invoice's).
 */
@EventRevision(value = "2", reads = "1")
public record DistributionRequested(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        OrderId orderId,
        DistributionTrigger trigger,
        List<String> to,
        List<String> cc,
        String layout) implements DistributionEvent {

    /** An invoice's distribution. */
    public DistributionRequested(DistributionId distributionId, TenantId tenantId, InvoiceId invoiceId,
                                 DistributionTrigger trigger, List<String> to, List<String> cc) {
        this(distributionId, tenantId, invoiceId, null, trigger, to, cc, null);
    }
}
