package io.invoiceflow.events.invoice;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.shared.InvoiceId;

/** Everything that happens to an invoice. Aggregate id: the invoice id. */
public sealed interface InvoiceEvent extends DomainEvent
        permits InvoiceDrafted, InvoiceDraftChanged, InvoiceDraftDeleted, InvoiceFinalized,
        InvoicePaid, InvoiceVoided, InvoiceCredited {
    InvoiceId invoiceId();
}
