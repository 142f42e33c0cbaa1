package io.invoiceflow.streams.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.io.OutputStream;

/**
 * Angus Mail's SMTP client that remembers whether the current send got as far as DATA. A broken
 * connection before DATA means the server has nothing: the send can safely go again on a fresh
 * connection. After DATA the server may have queued the message, so it must not be repeated at once.
 */
final class TrackingSmtpTransport extends SMTPTransport {
    private boolean dataStarted;

    TrackingSmtpTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    void beginSend() {
        dataStarted = false;
    }

    boolean dataStarted() {
        return dataStarted;
    }

    @Override
    protected OutputStream data() throws MessagingException {
        dataStarted = true;
        return super.data();
    }

    @Override
    protected OutputStream bdat() throws MessagingException {
        dataStarted = true;
        return super.bdat();
    }
}
