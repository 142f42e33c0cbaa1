package io.invoiceflow.projections.views;

import java.time.Instant;
import java.util.List;

/**
 * S7: an invoice's distributions, oldest first, each with its attempts and bounces: when, which
 * channel, to whom, with which template, the outcome and, where it failed, the error.
 */
public record DistributionLog(String invoiceId, List<Distribution> distributions) {

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
