package io.invoiceflow.streams.mail;

/**
 * The server took responsibility for the message for every recipient.
 *
 * @param messageId the message's Message-ID
 * @param reply     the server's reply to the end of the data (often carries its queue id)
 */
public record Accepted(String messageId, SmtpReply reply) implements SendOutcome {
}
