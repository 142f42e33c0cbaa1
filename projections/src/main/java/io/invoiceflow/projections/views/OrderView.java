package io.invoiceflow.projections.views;

import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.Totals;

import java.time.Instant;
import java.util.List;

/** An order as the API shows it: {@code OPEN} until invoiced, then {@code INVOICED} with the invoice's id. */
public record OrderView(String orderId, String tenantId, String status, CustomerSnapshot customer,
                        List<Contact> contacts, String poNumber, String comments, String language, String currency,
                        List<Line> lines, Totals totals, String invoiceId, Instant createdAt, String createdBy,
                        Instant updatedAt, String updatedBy) {
}
