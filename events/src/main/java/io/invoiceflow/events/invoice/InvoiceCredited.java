package io.invoiceflow.events.invoice;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.math.BigDecimal;
import java.util.List;

/**
 * A credit note was issued against this invoice for the lines {@code lineNos}. {@code grossAmount}
 * is the credited amount including VAT; {@code fullyCredited} is true once every line is credited.
 */
@EventRevision("1")
public record InvoiceCredited(
        InvoiceId invoiceId,
        TenantId tenantId,
        CreditNoteId creditNoteId,
        String creditNoteNumber,
        List<Integer> lineNos,
        BigDecimal grossAmount,
        String currency,
        boolean fullyCredited) implements InvoiceEvent {
}
