package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.Totals;

import java.time.LocalDate;
import java.util.List;

/**
 * The full editable content of an invoice, resolved and priced: the customer snapshot, contacts,
 * dates, terms, lines and totals. {@code invoiceDate} and {@code dueDate} are null on a draft
 * that has no explicit invoice date yet. {@code currency} is an ISO 4217 code.
 */
public record InvoiceContent(
        CustomerSnapshot customer,
        List<Contact> contacts,
        LocalDate invoiceDate,
        PaymentTerms paymentTerms,
        LocalDate dueDate,
        String poNumber,
        String comments,
        String language,
        String locale,
        String currency,
        List<Line> lines,
        Totals totals) {

    /** The same content with other invoice and due dates. */
    public InvoiceContent withDates(LocalDate newInvoiceDate, LocalDate newDueDate) {
        return new InvoiceContent(customer, contacts, newInvoiceDate, paymentTerms, newDueDate, poNumber, comments,
                language, locale, currency, lines, totals);
    }
}
