package io.invoiceflow.streams.bounce;

import io.invoiceflow.streams.mail.Encryption;
import io.invoiceflow.streams.secrets.Secret;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the bounce mailbox is (IMAP). Configured by the operator, so its host is not subject to
 * the tenant host policy.
 *
 * @param host            IMAP server ({@code INVOICEFLOW_BOUNCE_IMAP_HOST})
 * @param port            {@code INVOICEFLOW_BOUNCE_IMAP_PORT}, default 993
 * @param encryption      {@code SSL_TLS} (default), {@code STARTTLS} or {@code NONE}
 *                        ({@code INVOICEFLOW_BOUNCE_IMAP_ENCRYPTION}; {@code AUTO} means SSL_TLS on 993, else STARTTLS)
 * @param user            {@code INVOICEFLOW_BOUNCE_IMAP_USER}
 * @param password        {@code INVOICEFLOW_BOUNCE_IMAP_PASSWORD}
 * @param folder          the folder to read ({@code INVOICEFLOW_BOUNCE_IMAP_FOLDER}, default INBOX)
 * @param processedFolder where handled messages are moved when the server supports MOVE
 *                        ({@code INVOICEFLOW_BOUNCE_IMAP_PROCESSED_FOLDER}, default {@code Processed}; "-": none, only mark seen)
 * @param timeout         connect and read timeout
 * @param pollInterval    the pause between two reads of the mailbox
 *                        ({@code INVOICEFLOW_BOUNCE_IMAP_POLL_SECONDS}, default 30, from 1 to 3600)
 */
public record BounceMailboxSettings(String host, int port, Encryption encryption, String user, Secret password, String folder,
                                   Optional<String> processedFolder, Duration timeout, Duration pollInterval) {
    private static final int MAX_POLL_SECONDS = 3600;
    private static final String POLL_RULE = "INVOICEFLOW_BOUNCE_IMAP_POLL_SECONDS must be an integer from 1 to "
            + MAX_POLL_SECONDS;

    /** Every setting with its default ("" = none). */
    public static final Map<String, String> KEYS;

    static {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("INVOICEFLOW_BOUNCE_IMAP_HOST", "");
        keys.put("INVOICEFLOW_BOUNCE_IMAP_PORT", "993");
        keys.put("INVOICEFLOW_BOUNCE_IMAP_ENCRYPTION", "SSL_TLS");
        keys.put("INVOICEFLOW_BOUNCE_IMAP_USER", "");
        keys.put("INVOICEFLOW_BOUNCE_IMAP_PASSWORD", "");
        keys.put("INVOICEFLOW_BOUNCE_IMAP_FOLDER", "INBOX");
        keys.put("INVOICEFLOW_BOUNCE_IMAP_PROCESSED_FOLDER", "Processed");
        keys.put("INVOICEFLOW_BOUNCE_IMAP_POLL_SECONDS", "30");
        KEYS = java.util.Collections.unmodifiableMap(keys);
    }

    public BounceMailboxSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("INVOICEFLOW_BOUNCE_IMAP_HOST is required for the bounce mailbox");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("INVOICEFLOW_BOUNCE_IMAP_PORT must be from 1 to 65535");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("INVOICEFLOW_BOUNCE_IMAP_USER is required with INVOICEFLOW_BOUNCE_IMAP_HOST");
        }
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("INVOICEFLOW_BOUNCE_IMAP_FOLDER must not be empty");
        }
        if (pollInterval == null || pollInterval.compareTo(Duration.ofSeconds(1)) < 0
                || pollInterval.compareTo(Duration.ofSeconds(MAX_POLL_SECONDS)) > 0) {
            throw new IllegalArgumentException(POLL_RULE);
        }
        processedFolder = processedFolder == null ? Optional.empty() : processedFolder.filter(f -> !f.isBlank() && !f.equals("-"));
        password = password == null ? Secret.empty() : password;
        if (encryption == Encryption.AUTO) {
            encryption = port == 993 ? Encryption.SSL_TLS : Encryption.STARTTLS;
        }
    }

    /** The settings from merged values; empty when no IMAP host is configured. */
    public static Optional<BounceMailboxSettings> load(Map<String, String> values) {
        Map<String, String> v = new LinkedHashMap<>(KEYS);
        values.forEach((key, value) -> {
            if (KEYS.containsKey(key) && value != null && !value.isBlank()) {
                v.put(key, value.trim());
            }
        });
        if (v.get("INVOICEFLOW_BOUNCE_IMAP_HOST").isBlank()) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(v.get("INVOICEFLOW_BOUNCE_IMAP_PORT"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("INVOICEFLOW_BOUNCE_IMAP_PORT must be an integer from 1 to 65535");
        }
        Encryption encryption;
        try {
            encryption = Encryption.valueOf(v.get("INVOICEFLOW_BOUNCE_IMAP_ENCRYPTION").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("INVOICEFLOW_BOUNCE_IMAP_ENCRYPTION must be one of AUTO, SSL_TLS, STARTTLS, NONE");
        }
        String poll = v.get("INVOICEFLOW_BOUNCE_IMAP_POLL_SECONDS");
        int pollSeconds;
        try {
            pollSeconds = Integer.parseInt(poll);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(POLL_RULE + ", not '" + poll + "'");
        }
        if (pollSeconds < 1 || pollSeconds > MAX_POLL_SECONDS) {
            throw new IllegalArgumentException(POLL_RULE + ", not '" + poll + "'");
        }
        return Optional.of(new BounceMailboxSettings(v.get("INVOICEFLOW_BOUNCE_IMAP_HOST"), port, encryption,
                v.get("INVOICEFLOW_BOUNCE_IMAP_USER"), Secret.of(v.get("INVOICEFLOW_BOUNCE_IMAP_PASSWORD")),
                v.get("INVOICEFLOW_BOUNCE_IMAP_FOLDER"), Optional.of(v.get("INVOICEFLOW_BOUNCE_IMAP_PROCESSED_FOLDER")),
                Duration.ofSeconds(30), Duration.ofSeconds(pollSeconds)));
    }
}
