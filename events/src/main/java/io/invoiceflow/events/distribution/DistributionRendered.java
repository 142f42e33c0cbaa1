package io.invoiceflow.events.distribution;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/**
 * Attempt {@code attempt} (from 1) rendered the PDF and the email it is about to send. The PDF is
 * archived under its SHA-256 ({@code pdfSha256}); {@code messageId} is the email's Message-ID, the
 * same for every attempt of this distribution. {@code emailTemplate} names the template used
 * ({@code tenant:<language>} or {@code built-in:<language>}), {@code layout} the PDF layout. The document is
 * the invoice {@code invoiceId} or the order {@code orderId} (revision 2; exactly one is set).
 */
@EventRevision(value = "2", reads = "1")
public record DistributionRendered(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        OrderId orderId,
        int attempt,
        String channel,
        List<String> to,
        List<String> cc,
        String sender,
        String language,
        String emailTemplate,
        String layout,
        String pdfSha256,
        long pdfBytes,
        String messageId) implements DistributionEvent {

    /** An attempt of an invoice's distribution. */
    public DistributionRendered(DistributionId distributionId, TenantId tenantId, InvoiceId invoiceId, int attempt,
                                String channel, List<String> to, List<String> cc, String sender, String language,
                                String emailTemplate, String layout, String pdfSha256, long pdfBytes,
                                String messageId) {
        this(distributionId, tenantId, invoiceId, null, attempt, channel, to, cc, sender, language, emailTemplate,
                layout, pdfSha256, pdfBytes, messageId);
    }
}
