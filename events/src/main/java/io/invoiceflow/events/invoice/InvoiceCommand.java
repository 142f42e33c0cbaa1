package io.invoiceflow.events.invoice;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/** Everything a client can ask of an invoice. */
public sealed interface InvoiceCommand extends AggregateCommand
        permits CreateInvoice, ChangeInvoiceDraft, DeleteInvoiceDraft, FinalizeInvoice, MarkInvoicePaid,
        VoidInvoice, CreditInvoice, CloneInvoice {
    InvoiceId invoiceId();

    TenantId tenantId();

    @Override
    default String aggregateId() {
        return invoiceId().value();
    }
}
