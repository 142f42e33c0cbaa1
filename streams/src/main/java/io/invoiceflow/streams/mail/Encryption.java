package io.invoiceflow.streams.mail;

/**
 * How the connection to an SMTP server is protected.
 * <ul>
 *   <li>{@code AUTO}: implicit TLS on port 465; on any other port STARTTLS, required when the
 *       account has a user name (a password never travels in clear), used when offered otherwise.</li>
 *   <li>{@code SSL_TLS}: implicit TLS from the first byte (usually port 465).</li>
 *   <li>{@code STARTTLS}: plain connect, then STARTTLS, which the server must offer (usually 587).</li>
 *   <li>{@code NONE}: no encryption (a trusted relay on the local network).</li>
 * </ul>
 * Server certificates are always checked against the host name.
 */
public enum Encryption {
    AUTO, SSL_TLS, STARTTLS, NONE
}
