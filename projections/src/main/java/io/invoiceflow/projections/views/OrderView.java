package io.invoiceflow.projections.views;

import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.Totals;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** An order as the API shows it: {@code OPEN} until invoiced, then {@code INVOICED} with the invoice's id. */
public record OrderView(String orderId, String tenantId, String status, CustomerSnapshot customer,
                        List<Contact> contacts, String poNumber, String comments, String language, String currency,
                        List<Line> lines, Totals totals, String invoiceId, Instant createdAt, String createdBy,
                        Instant updatedAt, String updatedBy) {

    /** An order has no number: its confirmation shows the first eight characters of its id, upper case. */
    public static String numberOf(String orderId) {
        return orderId.substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** What the order's confirmation shows of it. */
    public OrderContent content() {
        return new OrderContent(customer, contacts, poNumber, comments, language, currency, lines, totals);
    }

    /** The order's last change: its confirmation is rendered for it, so one version in one layout gives one file. */
    public Instant lastChanged() {
        return updatedAt != null ? updatedAt : createdAt;
    }
}
