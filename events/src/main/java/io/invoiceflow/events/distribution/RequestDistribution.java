package io.invoiceflow.events.distribution;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/** Start distributing an invoice (it must be final, and the tenant's invoicing active). */
public record RequestDistribution(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        DistributionTrigger trigger,
        List<String> to,
        List<String> cc) implements DistributionCommand {
}
