package io.invoiceflow.events.distribution;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/**
 * The SMTP server accepted the email of attempt {@code attempt}: {@code serverReply} is its answer
 * to the message. {@code rejected} lists recipients the server refused while accepting the others
 * (each is also recorded as bounced). Revision 2 added {@code orderId}: the document is the invoice
 * {@code invoiceId} or the order {@code orderId}, exactly one.
 */
@EventRevision(value = "2", reads = "1")
public record DistributionSent(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        OrderId orderId,
        int attempt,
        String messageId,
        String serverReply,
        List<String> rejected) implements DistributionEvent {

    /** An invoice's distribution was sent. */
    public DistributionSent(DistributionId distributionId, TenantId tenantId, InvoiceId invoiceId, int attempt,
                            String messageId, String serverReply, List<String> rejected) {
        this(distributionId, tenantId, invoiceId, null, attempt, messageId, serverReply, rejected);
    }
}
