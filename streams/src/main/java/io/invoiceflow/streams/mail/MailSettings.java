package io.invoiceflow.streams.mail;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.streams.secrets.Secret;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The installation's mail settings. Keys and defaults are in {@link #KEYS}; the app merges
 * defaults, its properties file and the environment and passes the result to {@link #load}.
 *
 * @param systemAccount     the system sender ({@code INVOICEFLOW_SMTP_*}); empty: no SMTP host, messages
 *                          without a tenant account go to the local mail sink
 * @param allowPrivateHosts whether tenants may use SMTP hosts on loopback/private/link-local networks
 * @param transport         connection pool and timeout settings
 * @param bounceAddress     the mailbox bounces go to; VERP envelope senders are made from it
 *                          ({@code bounces@example.com} gives {@code bounces+<token>@example.com}); empty: no VERP
 * @param secretKey         the installation key in base64; empty: the key file in the data directory
 * @param mailboxKeep       how many messages the local mail sink keeps
 */
public record MailSettings(Optional<SmtpAccount> systemAccount, boolean allowPrivateHosts, SmtpTransportSettings transport,
                           Optional<String> bounceAddress, Optional<Secret> secretKey, int mailboxKeep) {

    /** Every setting with its default ("" = none). */
    public static final Map<String, String> KEYS;

    static {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("INVOICEFLOW_SMTP_HOST", "");
        keys.put("INVOICEFLOW_SMTP_PORT", "587");
        keys.put("INVOICEFLOW_SMTP_FROM", "");
        keys.put("INVOICEFLOW_SMTP_USER", "");
        keys.put("INVOICEFLOW_SMTP_PASSWORD", "");
        keys.put("INVOICEFLOW_SMTP_ENCRYPTION", "AUTO");
        keys.put("INVOICEFLOW_SMTP_HELO_NAME", "");
        keys.put("INVOICEFLOW_SMTP_MAX_CONNECTIONS", "4");
        keys.put("INVOICEFLOW_SMTP_ALLOW_PRIVATE_HOSTS", "false");
        keys.put("INVOICEFLOW_BOUNCE_ADDRESS", "");
        keys.put("INVOICEFLOW_SECRET_KEY", "");
        keys.put("INVOICEFLOW_MAILBOX_KEEP", "1000");
        KEYS = java.util.Collections.unmodifiableMap(keys);
    }

    /**
     * Reads the settings from merged values (missing keys take their defaults).
     *
     * @throws IllegalArgumentException naming the setting, for any invalid value
     */
    public static MailSettings load(Map<String, String> values) {
        Map<String, String> v = new LinkedHashMap<>(KEYS);
        values.forEach((key, value) -> {
            if (KEYS.containsKey(key) && value != null && !value.isBlank()) {
                v.put(key, value.trim());
            }
        });
        Optional<InternetAddress> from = opt(v, "INVOICEFLOW_SMTP_FROM").map(MailSettings::parseFrom);
        Optional<SmtpAccount> system = Optional.empty();
        if (opt(v, "INVOICEFLOW_SMTP_HOST").isPresent()) {
            if (from.isEmpty()) {
                throw new IllegalArgumentException("INVOICEFLOW_SMTP_FROM is required when INVOICEFLOW_SMTP_HOST is set");
            }
            Encryption encryption;
            try {
                encryption = Encryption.valueOf(v.get("INVOICEFLOW_SMTP_ENCRYPTION").toUpperCase(Locale.ROOT).replace('/', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("INVOICEFLOW_SMTP_ENCRYPTION must be one of AUTO, SSL_TLS, STARTTLS, NONE");
            }
            try {
                system = Optional.of(new SmtpAccount("system", Optional.ofNullable(from.get().getPersonal()), from.get().getAddress(),
                        opt(v, "INVOICEFLOW_SMTP_USER"), opt(v, "INVOICEFLOW_SMTP_PASSWORD").map(Secret::of).orElse(Secret.empty()),
                        v.get("INVOICEFLOW_SMTP_HOST"), integer(v, "INVOICEFLOW_SMTP_PORT", 1, 65535), encryption));
            } catch (DomainException e) {
                throw new IllegalArgumentException("INVOICEFLOW_SMTP_*: " + e.violations().stream()
                        .map(f -> settingOf(f.field()) + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
            }
        }
        String helo = opt(v, "INVOICEFLOW_SMTP_HELO_NAME")
                .or(() -> from.map(a -> a.getAddress().substring(a.getAddress().lastIndexOf('@') + 1)))
                .orElse("localhost.localdomain");
        SmtpTransportSettings transport = SmtpTransportSettings.defaults(helo)
                .withMaxConnectionsPerAccount(integer(v, "INVOICEFLOW_SMTP_MAX_CONNECTIONS", 1, 100));
        Optional<String> bounce = opt(v, "INVOICEFLOW_BOUNCE_ADDRESS");
        bounce.ifPresent(b -> {
            try {
                MailAddress.of(b);
            } catch (DomainException e) {
                throw new IllegalArgumentException("INVOICEFLOW_BOUNCE_ADDRESS must be an email address like bounces@example.com");
            }
            if (b.substring(0, b.indexOf('@')).contains("+")) {
                throw new IllegalArgumentException("INVOICEFLOW_BOUNCE_ADDRESS must not contain '+' (VERP adds +<token>)");
            }
        });
        String flag = v.get("INVOICEFLOW_SMTP_ALLOW_PRIVATE_HOSTS").toLowerCase(Locale.ROOT);
        if (!flag.equals("true") && !flag.equals("false")) {
            throw new IllegalArgumentException("INVOICEFLOW_SMTP_ALLOW_PRIVATE_HOSTS must be true or false");
        }
        return new MailSettings(system, Boolean.parseBoolean(flag), transport, bounce,
                opt(v, "INVOICEFLOW_SECRET_KEY").map(Secret::of), integer(v, "INVOICEFLOW_MAILBOX_KEEP", 1, 1_000_000));
    }

    private static String settingOf(String field) {
        return switch (field) {
            case "fromAddress", "displayName" -> "INVOICEFLOW_SMTP_FROM";
            case "user" -> "INVOICEFLOW_SMTP_USER";
            case "password" -> "INVOICEFLOW_SMTP_PASSWORD";
            case "host" -> "INVOICEFLOW_SMTP_HOST";
            case "port" -> "INVOICEFLOW_SMTP_PORT";
            default -> field;
        };
    }

    private static InternetAddress parseFrom(String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("INVOICEFLOW_SMTP_FROM must be an address like invoices@example.com"
                    + " or \"Example Invoices <invoices@example.com>\"");
        }
    }

    private static Optional<String> opt(Map<String, String> v, String key) {
        return Optional.ofNullable(v.get(key)).filter(s -> !s.isBlank());
    }

    private static int integer(Map<String, String> v, String key, int min, int max) {
        try {
            int value = Integer.parseInt(v.get(key));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be an integer from " + min + " to " + max + ", not '" + v.get(key) + "'");
    }
}
