package io.invoiceflow.streams.mail;

/**
 * A recipient the server refused at {@code RCPT TO}.
 *
 * @param address the refused address
 * @param reply   the server's reply (4xx: try again later; 5xx: never deliverable as is)
 */
public record RecipientRejection(String address, SmtpReply reply) {

    public boolean isPermanent() {
        return reply.isPermanent();
    }
}
