package io.invoiceflow.events.creditnote;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A credit note was issued for lines of a final invoice. It is final at once and numbered from the
 * tenant's credit note series ({@code number} = prefix + {@code sequence}, gap-free). Its lines and
 * totals are the credited lines as they stood on the invoice, with positive amounts: the document
 * type says they are credited.
 */
@EventRevision("1")
public record CreditNoteIssued(
        CreditNoteId creditNoteId,
        TenantId tenantId,
        String number,
        long sequence,
        InvoiceId invoiceId,
        String invoiceNumber,
        LocalDate issueDate,
        CustomerSnapshot customer,
        String currency,
        List<Line> lines,
        Totals totals,
        String reason,
        Instant issuedAt) implements CreditNoteEvent {
}
