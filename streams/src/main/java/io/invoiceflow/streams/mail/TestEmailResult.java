package io.invoiceflow.streams.mail;

import java.util.Optional;

/**
 * The answer to "send test email".
 *
 * @param success     whether the server accepted the test message
 * @param reply       the server's last reply (code and text), if it answered
 * @param error       why it failed, if it did
 * @param explanation one line for the user; never contains the password
 */
public record TestEmailResult(boolean success, Optional<SmtpReply> reply, Optional<MailError> error, String explanation) {
}
