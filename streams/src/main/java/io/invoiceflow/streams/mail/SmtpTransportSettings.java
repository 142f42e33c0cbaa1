package io.invoiceflow.streams.mail;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How the SMTP client behaves; the same for every sender account.
 *
 * @param heloName                 the name in EHLO/HELO ({@code mail.smtp.localhost}); set explicitly,
 *                                 because looking up the local host name can hang for minutes
 * @param maxConnectionsPerAccount open connections per sender account at most (each account has its own)
 * @param connectTimeout           TCP connect timeout
 * @param readTimeout              longest wait for a server reply
 * @param writeTimeout             longest wait for a write to the server to complete
 * @param idleTimeout              an idle connection older than this is closed (servers drop idle clients
 *                                 after a few minutes; RFC 5321 asks them to wait at least 5)
 * @param validateAfterIdle        a connection idle longer than this is checked with NOOP before reuse
 * @param acquireTimeout           longest wait for a free connection before {@link MailError#SMTP_BUSY}
 * @param maxMessagesPerConnection a connection is closed after this many messages (servers limit it too)
 */
public record SmtpTransportSettings(String heloName, int maxConnectionsPerAccount, Duration connectTimeout,
                                    Duration readTimeout, Duration writeTimeout, Duration idleTimeout,
                                    Duration validateAfterIdle, Duration acquireTimeout, int maxMessagesPerConnection) {
    private static final Pattern HELO = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|\\[[0-9a-f:.]+]");

    public SmtpTransportSettings {
        if (heloName == null || !HELO.matcher(heloName).matches()) {
            throw new IllegalArgumentException("INVOICEFLOW_SMTP_HELO_NAME must be a host name, not '" + heloName + "'");
        }
        if (maxConnectionsPerAccount < 1 || maxConnectionsPerAccount > 100) {
            throw new IllegalArgumentException("INVOICEFLOW_SMTP_MAX_CONNECTIONS must be from 1 to 100");
        }
        if (maxMessagesPerConnection < 1) {
            throw new IllegalArgumentException("maxMessagesPerConnection must be at least 1");
        }
        for (Duration d : new Duration[]{connectTimeout, readTimeout, writeTimeout, idleTimeout, validateAfterIdle, acquireTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("SMTP timeouts must be positive");
            }
        }
    }

    /**
     * Defaults: 4 connections per account, connect 15 s, read and write 60 s, idle 60 s, NOOP check
     * after 10 s idle, wait 30 s for a free connection, 100 messages per connection.
     */
    public static SmtpTransportSettings defaults(String heloName) {
        return new SmtpTransportSettings(heloName, 4, Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(30), 100);
    }

    public SmtpTransportSettings withMaxConnectionsPerAccount(int max) {
        return new SmtpTransportSettings(heloName, max, connectTimeout, readTimeout, writeTimeout, idleTimeout,
                validateAfterIdle, acquireTimeout, maxMessagesPerConnection);
    }

    public SmtpTransportSettings withTimeouts(Duration connect, Duration read, Duration acquire) {
        return new SmtpTransportSettings(heloName, maxConnectionsPerAccount, connect, read, read, idleTimeout,
                validateAfterIdle, acquire, maxMessagesPerConnection);
    }

    public SmtpTransportSettings withIdle(Duration idle, Duration validateAfter) {
        return new SmtpTransportSettings(heloName, maxConnectionsPerAccount, connectTimeout, readTimeout, writeTimeout, idle,
                validateAfter, acquireTimeout, maxMessagesPerConnection);
    }
}
