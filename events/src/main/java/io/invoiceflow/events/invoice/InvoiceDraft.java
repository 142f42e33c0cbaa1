package io.invoiceflow.events.invoice;

import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;

import java.time.LocalDate;
import java.util.List;

/**
 * A draft invoice as the client writes it (create and replace). Omitted contacts default to the
 * customer's; omitted language to the customer's invoice language, then the tenant's; omitted
 * payment terms to due on receipt; an omitted invoice date is set to the finalization date.
 */
public record InvoiceDraft(
        CustomerNumber customerNumber,
        List<Contact> contacts,
        LocalDate invoiceDate,
        PaymentTerms paymentTerms,
        String poNumber,
        String comments,
        String language,
        String locale,
        List<LineInput> lines) {
}
