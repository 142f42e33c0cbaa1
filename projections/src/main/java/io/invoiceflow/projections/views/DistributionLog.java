package io.invoiceflow.projections.views;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * S7: a document's distributions, oldest first, each with its attempts and bounces: when, which
 * channel, to whom, with which template, the outcome and, where it failed, the error. The document is
 * an invoice ({@code invoiceId}) or an order ({@code orderId}); the other id is left out of the JSON.
 */
public record DistributionLog(@JsonInclude(JsonInclude.Include.NON_NULL) String invoiceId,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String orderId,
                              List<Distribution> distributions) {

    /** The log of an invoice's distributions. */
    public static DistributionLog ofInvoice(String invoiceId, List<Distribution> distributions) {
        return new DistributionLog(invoiceId, null, distributions);
    }

    /** The log of an order's distributions (its confirmations sent). */
    public static DistributionLog ofOrder(String orderId, List<Distribution> distributions) {
        return new DistributionLog(null, orderId, distributions);
    }

    /**
     * One distribution. {@code status}: {@code REQUESTED}, {@code SENDING} (an attempt rendered),
     * {@code RETRYING} (a temporary failure; {@code retryAt} in the last attempt), {@code SENT},
     * {@code FAILED} (given up), {@code BOUNCED}.
     */
    public record Distribution(String distributionId, String trigger, Instant requestedAt, String requestedBy,
                               List<String> requestedTo, List<String> requestedCc, String status,
                               List<Attempt> attempts, List<Bounce> bounces) {
    }

    /** {@code outcome}: {@code RENDERED} (not sent yet), {@code SENT} or {@code FAILED}. */
    public record Attempt(int attempt, Instant renderedAt, String channel, List<String> to, List<String> cc,
                          String sender, String language, String emailTemplate, String layout, String pdfSha256,
                          String messageId, String outcome, Instant outcomeAt, String serverReply, String errorCode,
                          String errorMessage, boolean permanent, Instant retryAt) {
    }

    public record Bounce(String recipient, String source, String status, String diagnostic, Instant at) {
    }
}
