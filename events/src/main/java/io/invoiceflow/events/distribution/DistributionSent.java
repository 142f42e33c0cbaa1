package io.invoiceflow.events.distribution;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/**
 * The SMTP server accepted the email of attempt {@code attempt}: {@code serverReply} is its answer
 * to the message. {@code rejected} lists recipients the server refused while accepting the others
 * (each is also recorded as bounced).
 */
@EventRevision("1")
public record DistributionSent(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        int attempt,
        String messageId,
        String serverReply,
        List<String> rejected) implements DistributionEvent {
}
