package io.invoiceflow.streams.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose {@code Message-ID} is fixed by the job instead of generated at
 * {@code saveChanges()}, so a send repeated after a crash carries the same id. It also remembers the
 * ENVID, which the transport adds to {@code MAIL FROM} only when the server supports DSN.
 */
final class JobMessage extends SMTPMessage {
    private final String messageId;
    private final String envelopeId;

    JobMessage(Session session, String messageId, String envelopeId) {
        super(session);
        this.messageId = messageId;
        this.envelopeId = envelopeId;
    }

    String envelopeId() {
        return envelopeId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
