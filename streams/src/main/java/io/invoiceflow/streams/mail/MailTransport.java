package io.invoiceflow.streams.mail;

/**
 * Sends one message and says what became of it. Implementations never throw for a delivery
 * problem: every problem is an outcome. They are safe for concurrent use.
 */
public interface MailTransport {

    SendOutcome send(OutgoingMail mail);
}
