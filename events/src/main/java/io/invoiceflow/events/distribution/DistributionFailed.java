package io.invoiceflow.events.distribution;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.time.Instant;

/**
 * Attempt {@code attempt} failed with {@code errorCode} (see docs/distribution-errors.md). A
 * temporary failure ({@code permanent} false) is tried again at {@code retryAt}; a permanent one is
 * not, and puts the invoice on the attention list.
 */
@EventRevision("1")
public record DistributionFailed(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        int attempt,
        String errorCode,
        String errorMessage,
        boolean permanent,
        Instant retryAt) implements DistributionEvent {
}
