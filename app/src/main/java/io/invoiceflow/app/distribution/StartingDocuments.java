package io.invoiceflow.app.distribution;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.web.api.Documents;

import java.util.List;
import java.util.Optional;

/** The documents the HTTP API is given before the renderer runs (it starts after the API listens): 503 until then. */
public final class StartingDocuments implements Documents {
    private volatile Documents target;

    public void started(Documents documents) {
        this.target = documents;
    }

    private Documents target() {
        Documents t = target;
        if (t == null) {
            throw new DomainException(ErrorCode.READ_SIDE_UNAVAILABLE, "documents are starting; retry in a moment");
        }
        return t;
    }

    @Override
    public Optional<Pdf> invoicePdf(TenantId tenant, InvoiceId invoice) {
        return target().invoicePdf(tenant, invoice);
    }

    @Override
    public Optional<Pdf> orderPdf(TenantId tenant, OrderId order, String layout) {
        return target().orderPdf(tenant, order, layout);
    }

    @Override
    public Optional<Pdf> creditNotePdf(TenantId tenant, CreditNoteId creditNote) {
        return target().creditNotePdf(tenant, creditNote);
    }

    @Override
    public Optional<String> invoiceLink(TenantId tenant, InvoiceId invoice) {
        return target().invoiceLink(tenant, invoice);
    }

    @Override
    public Optional<Page> invoicePage(String token) {
        return target().invoicePage(token);
    }

    @Override
    public Optional<List<Object>> mailbox(int limit) {
        return target().mailbox(limit);
    }

    @Override
    public Optional<byte[]> mailboxMessage(String id) {
        return target().mailboxMessage(id);
    }
}
