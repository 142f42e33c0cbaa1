package io.invoiceflow.streams.mail;

/**
 * Stable codes for why a message was not (fully) delivered. Explained for users in
 * {@code docs/distribution-errors.md}; tests and the distribution log use the code, never a message.
 */
public enum MailError {
    /** The receiving server refused one or more recipients (5xx at RCPT TO). */
    SMTP_REJECTED_RECIPIENT(true),
    /** The server refused the sender address (5xx at MAIL FROM). */
    SMTP_REJECTED_SENDER(true),
    /** The server refused the message itself (5xx after DATA: content, size, policy, spam). */
    SMTP_REJECTED_MESSAGE(true),
    /** The server refused to talk to us at all (5xx greeting). */
    SMTP_CONNECTION_REJECTED(true),
    /** The server answered "try again later" (4xx). */
    SMTP_TEMPORARY(false),
    /** The login was refused (wrong user or password, or the server does not allow this login). */
    SMTP_AUTH_FAILED(true),
    /** The encrypted connection could not be set up (certificate, protocol, or STARTTLS missing). */
    SMTP_TLS_FAILED(true),
    /** No connection could be made (host unknown, refused, or no answer in time). */
    SMTP_CONNECTION_FAILED(false),
    /** The connection broke while the message was being sent; whether it arrived is unknown. */
    SMTP_CONNECTION_LOST(false),
    /** Every connection to this account was busy for too long (local back-pressure). */
    SMTP_BUSY(false),
    /** The account's server is on an internal network, which this installation does not allow. */
    SMTP_HOST_NOT_ALLOWED(true),
    /** The tenant's sender account cannot be used as stored (its password was sealed with another installation key). */
    SENDER_ACCOUNT_UNUSABLE(true),
    /** The local mail sink could not store the message (disk full, permissions). */
    MAIL_SINK_FAILED(false),
    /** A delivery status notification (RFC 3464 / RFC 6533) reported that delivery failed. */
    BOUNCED_DSN(true),
    /** A non-standard bounce message (recognized by its wording) reported that delivery failed. */
    BOUNCED_UNSTRUCTURED(true);

    private final boolean permanent;

    MailError(boolean permanent) {
        this.permanent = permanent;
    }

    /** Whether retrying the same message unchanged cannot help. */
    public boolean isPermanent() {
        return permanent;
    }
}
