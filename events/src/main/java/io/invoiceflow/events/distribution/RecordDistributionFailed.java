package io.invoiceflow.events.distribution;

import io.invoiceflow.events.shared.TenantId;

import java.time.Instant;

/** Record that an attempt failed; ignored after the distribution was sent. */
public record RecordDistributionFailed(
        DistributionId distributionId,
        TenantId tenantId,
        int attempt,
        String errorCode,
        String errorMessage,
        boolean permanent,
        Instant retryAt) implements DistributionCommand {
}
