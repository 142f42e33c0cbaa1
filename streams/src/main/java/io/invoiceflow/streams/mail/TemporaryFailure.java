package io.invoiceflow.streams.mail;

import java.util.List;
import java.util.Optional;

/**
 * Not sent now; the same message may be sent again later (with backoff, same Message-ID).
 *
 * @param messageId the message's Message-ID
 * @param error     why
 * @param detail    a one-line explanation for the distribution log (never contains a password)
 * @param reply     the server's reply, if the server answered
 * @param rejected  recipients refused at {@code RCPT TO}, if that was the reason
 */
public record TemporaryFailure(String messageId, MailError error, String detail, Optional<SmtpReply> reply,
                               List<RecipientRejection> rejected) implements SendOutcome {

    public TemporaryFailure {
        rejected = List.copyOf(rejected);
    }
}
