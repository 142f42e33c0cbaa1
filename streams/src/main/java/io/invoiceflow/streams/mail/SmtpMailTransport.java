package io.invoiceflow.streams.mail;

/** Sends through one sender account, on the connections {@link SmtpMailer} pools for it. */
public final class SmtpMailTransport implements MailTransport {
    private final SmtpMailer mailer;
    private final SmtpAccount account;
    private final boolean trusted;

    SmtpMailTransport(SmtpMailer mailer, SmtpAccount account, boolean trusted) {
        this.mailer = mailer;
        this.account = account;
        this.trusted = trusted;
    }

    public SmtpAccount account() {
        return account;
    }

    @Override
    public SendOutcome send(OutgoingMail mail) {
        return mailer.send(account, trusted, mail);
    }

    @Override
    public String toString() {
        return "SmtpMailTransport[" + account.accountName() + " via " + account.host() + ":" + account.port() + "]";
    }
}
