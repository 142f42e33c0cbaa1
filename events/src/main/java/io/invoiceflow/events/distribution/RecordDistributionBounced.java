package io.invoiceflow.events.distribution;

import io.invoiceflow.events.shared.TenantId;

/** Record that an address bounced; a repeat of the same bounce changes nothing. */
public record RecordDistributionBounced(
        DistributionId distributionId,
        TenantId tenantId,
        String recipient,
        String source,
        String status,
        String diagnostic) implements DistributionCommand {
}
