package io.invoiceflow.events.settings;

/**
 * How the connection to a sender account's SMTP server is protected: {@code AUTO} (implicit TLS on port 465,
 * else STARTTLS, required when there is a user), {@code SSL_TLS}, {@code STARTTLS} or {@code NONE}.
 */
public enum SmtpEncryption {
    AUTO, SSL_TLS, STARTTLS, NONE
}
