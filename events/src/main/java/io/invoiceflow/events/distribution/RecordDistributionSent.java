package io.invoiceflow.events.distribution;

import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/** Record that the SMTP server accepted an attempt's email; a repeat changes nothing. */
public record RecordDistributionSent(
        DistributionId distributionId,
        TenantId tenantId,
        int attempt,
        String messageId,
        String serverReply,
        List<String> rejected) implements DistributionCommand {
}
