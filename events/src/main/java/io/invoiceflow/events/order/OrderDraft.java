package io.invoiceflow.events.order;

import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.LineInput;

import java.util.List;

/** An order as the client writes it (create and replace). Defaults as for an invoice draft. */
public record OrderDraft(
        CustomerNumber customerNumber,
        List<Contact> contacts,
        String poNumber,
        String comments,
        String language,
        List<LineInput> lines) {
}
