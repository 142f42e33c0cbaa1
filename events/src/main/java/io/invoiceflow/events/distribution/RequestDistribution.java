package io.invoiceflow.events.distribution;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/**
 * Start distributing a document: an invoice ({@code invoiceId}: it must be final, and the tenant's invoicing
 * active) or an order's confirmation ({@code orderId}, in {@code layout} or, when null, the tenant's order
 * layout; also while invoicing is deactivated). Exactly one of {@code invoiceId} and {@code orderId}.
 */
public record RequestDistribution(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        OrderId orderId,
        DistributionTrigger trigger,
        List<String> to,
        List<String> cc,
        String layout) implements DistributionCommand {

    /** Distribute an invoice. */
    public RequestDistribution(DistributionId distributionId, TenantId tenantId, InvoiceId invoiceId,
                               DistributionTrigger trigger, List<String> to, List<String> cc) {
        this(distributionId, tenantId, invoiceId, null, trigger, to, cc, null);
    }

    /** Send an order's confirmation ({@code trigger} {@code SEND}). */
    public static RequestDistribution order(DistributionId distributionId, TenantId tenantId, OrderId orderId,
                                            List<String> to, List<String> cc, String layout) {
        return new RequestDistribution(distributionId, tenantId, null, orderId, DistributionTrigger.SEND, to, cc,
                layout);
    }
}
