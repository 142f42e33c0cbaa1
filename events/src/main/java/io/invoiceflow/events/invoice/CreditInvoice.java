package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/** Issue a credit note for the given lines of a final invoice; empty {@code lineNos} credits every line not yet credited. */
public record CreditInvoice(InvoiceId invoiceId, TenantId tenantId, CreditNoteId creditNoteId, List<Integer> lineNos,
                            String reason, Long expectedVersion) implements InvoiceCommand {
    public CreditInvoice(InvoiceId invoiceId, TenantId tenantId, CreditNoteId creditNoteId, List<Integer> lineNos,
                         String reason) {
        this(invoiceId, tenantId, creditNoteId, lineNos, reason, null);
    }
}
