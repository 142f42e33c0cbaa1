package io.invoiceflow.events.distribution;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

import java.time.Instant;

/**
 * Attempt {@code attempt} failed with {@code errorCode} (see docs/distribution-errors.md). A
 * temporary failure ({@code permanent} false) is tried again at {@code retryAt}; a permanent one is
 * not, and puts the document on the attention list. Revision 2 added {@code orderId}: the document is the
 * invoice {@code invoiceId} or the order {@code orderId}, exactly one.
 */
@EventRevision(value = "2", reads = "1")
public record DistributionFailed(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        OrderId orderId,
        int attempt,
        String errorCode,
        String errorMessage,
        boolean permanent,
        Instant retryAt) implements DistributionEvent {

    /** An attempt of an invoice's distribution failed. */
    public DistributionFailed(DistributionId distributionId, TenantId tenantId, InvoiceId invoiceId, int attempt,
                              String errorCode, String errorMessage, boolean permanent, Instant retryAt) {
        this(distributionId, tenantId, invoiceId, null, attempt, errorCode, errorMessage, permanent, retryAt);
    }
}
