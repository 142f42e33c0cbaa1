package io.invoiceflow.streams.bounce;

import io.invoiceflow.streams.mail.MailError;

import java.util.List;
import java.util.Optional;

/**
 * A message from the bounce mailbox, understood.
 *
 * @param kind         DSN, global DSN, unstructured bounce, auto-reply or other
 * @param job          the distribution job it belongs to (VERP, then ENVID, then Message-ID, then
 *                     the job header; only genuine tokens count)
 * @param keys         every correlation key found, verified or not
 * @param recipients   what it says per recipient (empty for auto-replies and others)
 * @param reportingMta the server that wrote the report, if stated
 * @param subject      the report's subject
 * @param from         the report's From header
 */
public record BounceReport(BounceKind kind, Optional<JobMatch> job, CorrelationKeys keys, List<RecipientStatus> recipients,
                           Optional<String> reportingMta, String subject, String from) {

    public BounceReport {
        recipients = List.copyOf(recipients);
    }

    /** Delivery failed for good for at least one recipient: the distribution bounced. */
    public boolean isBounce() {
        return kind.isDeliveryReport() && recipients.stream().anyMatch(RecipientStatus::isPermanentFailure);
    }

    /** Only a delay notice: the reporting server is still trying; nothing to do yet. */
    public boolean isDelay() {
        return kind.isDeliveryReport() && !isBounce() && recipients.stream().anyMatch(RecipientStatus::isTemporary);
    }

    /** The recipients delivery failed for. */
    public List<RecipientStatus> failedRecipients() {
        return recipients.stream().filter(RecipientStatus::isPermanentFailure).toList();
    }

    /** The distribution error code when this is a bounce. */
    public Optional<MailError> error() {
        if (!isBounce()) {
            return Optional.empty();
        }
        return Optional.of(kind == BounceKind.UNSTRUCTURED ? MailError.BOUNCED_UNSTRUCTURED : MailError.BOUNCED_DSN);
    }
}
