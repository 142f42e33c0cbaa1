package io.invoiceflow.events.distribution;

import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/** Record that an attempt rendered its PDF and email; refused once the distribution was sent or failed for good, so a stale attempt never sends. */
public record RecordDistributionRendered(
        DistributionId distributionId,
        TenantId tenantId,
        int attempt,
        String channel,
        List<String> to,
        List<String> cc,
        String sender,
        String language,
        String emailTemplate,
        String layout,
        String pdfSha256,
        long pdfBytes,
        String messageId) implements DistributionCommand {
}
