package io.invoiceflow.events.distribution;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.TenantId;

/** Everything that can be asked of a distribution: start it, and record what became of it. */
public sealed interface DistributionCommand extends AggregateCommand
        permits RequestDistribution, RecordDistributionRendered, RecordDistributionSent, RecordDistributionFailed,
        RecordDistributionBounced {
    DistributionId distributionId();

    TenantId tenantId();

    @Override
    default String aggregateId() {
        return distributionId().value();
    }
}
