package io.invoiceflow.web.api;

import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Documents as people see them: the PDF, the browser view behind an emailed link, and the local mailbox. */
public interface Documents {

    /** A PDF and the file name to offer. */
    record Pdf(String fileName, byte[] bytes) {
    }

    /** The invoice's PDF: as sent for a final invoice, a watermarked preview for a draft (H9, H12). */
    Optional<Pdf> invoicePdf(TenantId tenant, InvoiceId invoice);

    /**
     * An order confirmation's PDF (S2), in the layout the user picks.
     *
     * @param layout a standard layout or {@code custom:<templateName>}; null: the tenant's default layout for orders
     */
    Optional<Pdf> orderPdf(TenantId tenant, OrderId order, String layout);

    /** A credit note's PDF, in the customer's layout or the tenant's default for credit notes. */
    Optional<Pdf> creditNotePdf(TenantId tenant, CreditNoteId creditNote);

    /** H12 "copy link": the address of the invoice's browser view; empty for a draft or an unknown invoice. */
    Optional<String> invoiceLink(TenantId tenant, InvoiceId invoice);

    /** An HTML page and the Content-Security-Policy to serve it with. */
    record Page(String html, String contentSecurityPolicy) {
    }

    /** The read-only HTML page behind a link (H11); empty for a forged or unknown link. */
    Optional<Page> invoicePage(String token);

    /** The local mail sink's messages, newest first (the embedded default); empty when an SMTP host is configured. */
    Optional<List<Object>> mailbox(int limit);

    /** One message of the local mail sink as .eml. */
    Optional<byte[]> mailboxMessage(String id);
}
