package io.invoiceflow.events.distribution;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

/**
 * The email could not be delivered to {@code recipient}: refused at SMTP time ({@code source}
 * {@code SMTP}) or reported later by a delivery status notification ({@code DSN}).
 * {@code status} is the enhanced status code (e.g. {@code 5.1.1}), {@code diagnostic} the server's
 * text. The document goes on the attention list and the tenant's notification address is told once.
 * Revision 2 added {@code orderId}: the document is the invoice {@code invoiceId} or the order {@code orderId},
 * exactly one.
 */
@EventRevision(value = "2", reads = "1")
public record DistributionBounced(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        OrderId orderId,
        String recipient,
        String source,
        String status,
        String diagnostic) implements DistributionEvent {

    /** A recipient of an invoice's distribution bounced. */
    public DistributionBounced(DistributionId distributionId, TenantId tenantId, InvoiceId invoiceId, String recipient,
                               String source, String status, String diagnostic) {
        this(distributionId, tenantId, invoiceId, null, recipient, source, status, diagnostic);
    }
}
