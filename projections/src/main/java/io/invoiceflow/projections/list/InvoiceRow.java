package io.invoiceflow.projections.list;

import io.invoiceflow.projections.views.InvoiceView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One invoice in the tenant's invoice list: the columns the list filters, sorts, pages and exports.
 * Amounts are at the currency's scale. {@code numberSequence} sorts numbers numerically
 * ({@code INV-999} before {@code INV-1000}); drafts have no number.
 *
 * @param creditedAmount    the gross amount of the credit notes issued against it
 * @param outstandingAmount what the customer still owes: gross minus credited while {@code FINALIZED}; zero otherwise
 */
public record InvoiceRow(
        String invoiceId,
        String number,
        Long numberSequence,
        String status,
        String customerNumber,
        String customerName,
        String customerOrganisationNumber,
        String currency,
        LocalDate invoiceDate,
        LocalDate dueDate,
        LocalDate paymentDate,
        BigDecimal netAmount,
        BigDecimal vatAmount,
        BigDecimal grossAmount,
        BigDecimal paidAmount,
        BigDecimal creditedAmount,
        BigDecimal outstandingAmount,
        String origin,
        String orderId,
        String poNumber,
        String language,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        Instant finalizedAt) {

    /** The row of an invoice view; {@code numberSequence} comes from the finalization event. */
    public static InvoiceRow of(InvoiceView v, Long numberSequence) {
        BigDecimal zero = BigDecimal.ZERO.setScale(v.totals().grossAmount().scale());
        BigDecimal credited = v.creditNotes().stream().map(InvoiceView.CreditNoteRef::grossAmount)
                .reduce(zero, BigDecimal::add);
        BigDecimal outstanding = "FINALIZED".equals(v.status()) ? v.totals().grossAmount().subtract(credited) : zero;
        return new InvoiceRow(v.invoiceId(), v.number(), numberSequence, InvoiceStatuses.canonical(v.status()),
                v.customer() == null ? null : v.customer().customerNumber().value(),
                v.customer() == null ? null : v.customer().name(),
                v.customer() == null ? null : v.customer().organisationNumber(), v.currency(), v.invoiceDate(),
                v.dueDate(), v.paymentDate(), v.totals().netAmount(), v.totals().vatAmount(),
                v.totals().grossAmount(), v.paidAmount(), credited, outstanding, v.origin().kind().name(),
                v.orderId(), v.poNumber(), v.language(), v.createdAt(), v.createdBy(), v.updatedAt(), v.updatedBy(),
                v.finalizedAt());
    }

    /** Overdue on {@code today} (in the tenant's zone): final, something outstanding, due before today. */
    public boolean overdueOn(LocalDate today) {
        return "FINALIZED".equals(status) && dueDate != null && dueDate.isBefore(today)
                && outstandingAmount != null && outstandingAmount.signum() > 0;
    }
}
