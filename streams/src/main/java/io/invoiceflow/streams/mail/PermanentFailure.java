package io.invoiceflow.streams.mail;

import java.util.List;
import java.util.Optional;

/**
 * Not sent, and sending the same message the same way again will fail again.
 *
 * @param messageId the message's Message-ID
 * @param error     why
 * @param detail    a one-line explanation for the distribution log (never contains a password)
 * @param reply     the server's reply, if the server answered
 * @param rejected  recipients refused at {@code RCPT TO} with each one's code and text
 */
public record PermanentFailure(String messageId, MailError error, String detail, Optional<SmtpReply> reply,
                               List<RecipientRejection> rejected) implements SendOutcome {

    public PermanentFailure {
        rejected = List.copyOf(rejected);
    }
}
