package io.invoiceflow.projections.views;

import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.Totals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An invoice as the API shows it (documented in openapi.json): its content, state and references. */
public record InvoiceView(String invoiceId, String tenantId, String status, String number, InvoiceOrigin origin,
                          String orderId, CustomerSnapshot customer, List<Contact> contacts, LocalDate invoiceDate,
                          PaymentTerms paymentTerms, LocalDate dueDate, String poNumber, String comments,
                          String language, String locale, String currency, List<Line> lines, Totals totals,
                          Instant finalizedAt, LocalDate paymentDate, BigDecimal paidAmount, String voidReason,
                          List<CreditNoteRef> creditNotes, Instant createdAt, String createdBy,
                          Instant updatedAt, String updatedBy) {

    /** A credit note issued against the invoice. */
    public record CreditNoteRef(String creditNoteId, String number, List<Integer> lineNos, BigDecimal grossAmount) {
    }
}
