package io.invoiceflow.streams.mail;

import io.invoiceflow.streams.secrets.HostPolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The mail side of an installation, ready to use: the system sender (SMTP when
 * {@code INVOICEFLOW_SMTP_HOST} is set, otherwise the local mail sink under
 * {@code <data dir>/mailbox}), transports for tenants' own accounts, the host policy and
 * "send test email". Close it at shutdown (closes every pooled connection).
 */
public final class Mailer implements AutoCloseable {
    private final MailSettings settings;
    private final SmtpMailer smtp;
    private final HostPolicy hostPolicy;
    private final Optional<LocalMailSink> mailbox;
    private final MailTransport system;

    private Mailer(MailSettings settings, SmtpMailer smtp, HostPolicy hostPolicy, Optional<LocalMailSink> mailbox) {
        this.settings = settings;
        this.smtp = smtp;
        this.hostPolicy = hostPolicy;
        this.mailbox = mailbox;
        this.system = settings.systemAccount().<MailTransport>map(smtp::systemTransport).orElseGet(mailbox::orElseThrow);
    }

    public static Mailer start(MailSettings settings, Path dataDir, Clock clock) {
        HostPolicy policy = HostPolicy.of(settings.allowPrivateHosts());
        SmtpMailer smtp = new SmtpMailer(settings.transport(), policy, clock);
        Optional<LocalMailSink> mailbox = settings.systemAccount().isPresent() ? Optional.empty()
                : Optional.of(new LocalMailSink(dataDir.resolve("mailbox"), clock, settings.mailboxKeep()));
        return new Mailer(settings, smtp, policy, mailbox);
    }

    public MailSettings settings() {
        return settings;
    }

    /** Sends as the installation's system sender (or stores in the local mail sink). */
    public MailTransport system() {
        return system;
    }

    /** Sends through a tenant's own SMTP account (pooled per account). */
    public MailTransport tenant(SmtpAccount account) {
        return smtp.transport(account);
    }

    /** The "send test email" action for a tenant's account. */
    public TestEmailResult sendTestEmail(SmtpAccount account, MailAddress to) {
        return smtp.sendTestEmail(account, to);
    }

    /** Checks a tenant's SMTP host when the account is saved (field {@code host}). */
    public HostPolicy hostPolicy() {
        return hostPolicy;
    }

    /** The local mail sink for {@code GET /dev/mailbox}; present only when no SMTP host is configured. */
    public Optional<LocalMailSink> mailbox() {
        return mailbox;
    }

    @Override
    public void close() {
        smtp.close();
    }
}
