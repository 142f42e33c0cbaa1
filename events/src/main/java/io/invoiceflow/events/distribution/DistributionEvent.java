package io.invoiceflow.events.distribution;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;

/**
 * Everything that happens to one distribution of a document: requested, rendered, sent, failed,
 * bounced. Aggregate id: the distribution id. Every event names the document, an invoice or an order
 * (exactly one of {@link #invoiceId()} and {@link #orderId()}), so consumers can group a document's
 * distributions without state.
 */
public sealed interface DistributionEvent extends DomainEvent
        permits DistributionRequested, DistributionRendered, DistributionSent, DistributionFailed, DistributionBounced {
    DistributionId distributionId();

    /** The invoice distributed; null for an order's distribution. */
    InvoiceId invoiceId();

    /** The order whose confirmation is distributed; null for an invoice's distribution. */
    OrderId orderId();

    /** The id of the document distributed: the invoice's or the order's. */
    default String documentId() {
        return invoiceId() != null ? invoiceId().value() : orderId().value();
    }
}
