package io.invoiceflow.events.distribution;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.shared.InvoiceId;

/**
 * Everything that happens to one distribution of an invoice: requested, rendered, sent, failed,
 * bounced. Aggregate id: the distribution id. Every event names the invoice, so consumers can
 * group a document's distributions without state.
 */
public sealed interface DistributionEvent extends DomainEvent
        permits DistributionRequested, DistributionRendered, DistributionSent, DistributionFailed, DistributionBounced {
    DistributionId distributionId();

    InvoiceId invoiceId();
}
