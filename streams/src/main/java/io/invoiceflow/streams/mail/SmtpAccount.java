package io.invoiceflow.streams.mail;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.streams.secrets.Secret;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sender account: the installation's system sender or a tenant's own SMTP server. The password
 * is a {@link Secret}, so {@link #toString()} never shows it. Checks its own fields; whether the
 * host may be used at all is the {@link io.invoiceflow.streams.secrets.HostPolicy}'s decision.
 *
 * @param accountName a name for the account, unique per tenant (1-100 characters)
 * @param displayName the sender's display name in {@code From}, empty: none
 * @param fromAddress the {@code From} address of messages sent through this account
 * @param user        the login; empty: the server needs no authentication
 * @param password    the password; required with a user
 * @param host        the server's host name or IP address
 * @param port        1-65535 (587 for STARTTLS submission, 465 for implicit TLS, 25 for relays)
 * @param encryption  see {@link Encryption}
 */
public record SmtpAccount(String accountName, Optional<String> displayName, String fromAddress, Optional<String> user,
                          Secret password, String host, int port, Encryption encryption) {
    private static final Pattern HOST = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|\\[?[0-9a-f:.]+]?");

    public SmtpAccount {
        Fields fields = new Fields();
        displayName = displayName == null ? Optional.empty() : displayName.filter(n -> !n.isBlank()).map(String::strip);
        user = user == null ? Optional.empty() : user.filter(u -> !u.isEmpty());
        password = password == null ? Secret.empty() : password;
        host = host == null ? null : host.strip().toLowerCase(Locale.ROOT);
        if (accountName == null || accountName.isBlank() || accountName.length() > 100) {
            fields.add("accountName", "required", "accountName must be 1 to 100 characters");
        }
        fields.headerSafe("accountName", accountName);
        try {
            new MailAddress(fromAddress, displayName);
        } catch (DomainException e) {
            e.violations().forEach(v -> fields.add(v.field().equals("address") ? "fromAddress" : v.field(), v.rule(),
                    v.message().replace("address must", "fromAddress must")));
        }
        user.ifPresent(u -> {
            fields.headerSafe("user", u);
            if (u.length() > 256) {
                fields.add("user", "max-length", "user must be at most 256 characters");
            }
        });
        if (user.isPresent() && password.isEmpty()) {
            fields.add("password", "required", "password is required when a user is given");
        }
        if (password.reveal().length() > 1024 || Fields.hasControl(password.reveal())) {
            fields.add("password", "format", "password must be at most 1024 characters without control characters");
        }
        if (host == null || host.isEmpty() || host.length() > 253 || !HOST.matcher(host).matches()) {
            fields.add("host", "format", "host must be a host name or an IP address");
        }
        if (port < 1 || port > 65535) {
            fields.add("port", "range", "port must be from 1 to 65535");
        }
        if (encryption == null) {
            fields.add("encryption", "one-of", "encryption must be one of AUTO, SSL_TLS, STARTTLS, NONE");
        }
        fields.throwIfAny();
    }

    /** The {@code From} mailbox of this account. */
    public MailAddress from() {
        return new MailAddress(fromAddress, displayName);
    }

    /** The encryption actually used: {@code AUTO} resolved by port and credentials. */
    public Encryption effectiveEncryption() {
        if (encryption != Encryption.AUTO) {
            return encryption;
        }
        return port == 465 ? Encryption.SSL_TLS : Encryption.STARTTLS;
    }

    /** Whether STARTTLS must succeed (an explicit choice, or AUTO with credentials to protect). */
    boolean requiresStartTls() {
        return encryption == Encryption.STARTTLS || (encryption == Encryption.AUTO && port != 465 && user.isPresent());
    }
}
