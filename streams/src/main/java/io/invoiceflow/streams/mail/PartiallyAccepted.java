package io.invoiceflow.streams.mail;

import java.util.List;

/**
 * The server accepted the message for some recipients and refused others at {@code RCPT TO}.
 * The message is on its way to {@code accepted}; each refused recipient is a bounce (5xx) or may be
 * retried alone with the same Message-ID (4xx). Never treat this as plain success.
 *
 * @param messageId the message's Message-ID
 * @param reply     the server's reply to the end of the data
 * @param accepted  the recipients the message was accepted for
 * @param rejected  the refused recipients with the server's reply for each
 */
public record PartiallyAccepted(String messageId, SmtpReply reply, List<String> accepted,
                                List<RecipientRejection> rejected) implements SendOutcome {

    public PartiallyAccepted {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
