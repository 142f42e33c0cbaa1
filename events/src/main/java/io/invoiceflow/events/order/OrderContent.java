package io.invoiceflow.events.order;

import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.Totals;

import java.util.List;

/** An order's full content, resolved and priced. */
public record OrderContent(
        CustomerSnapshot customer,
        List<Contact> contacts,
        String poNumber,
        String comments,
        String language,
        String currency,
        List<Line> lines,
        Totals totals) {
}
