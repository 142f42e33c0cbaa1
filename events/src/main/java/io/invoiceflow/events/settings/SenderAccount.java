package io.invoiceflow.events.settings;

/**
 * S6: a tenant's own SMTP account, used for every email of the tenant instead of the system sender. The password
 * is never part of it: it is kept encrypted in the write side's database.
 *
 * @param accountName a name for the account (1-100 characters)
 * @param displayName the name recipients see in {@code From}; null: the tenant's name
 * @param fromAddress the {@code From} address
 * @param user        the login; null: the server needs no authentication
 * @param host        the SMTP server's host name or IP address
 * @param port        1-65535
 * @param encryption  see {@link SmtpEncryption}
 */
public record SenderAccount(
        String accountName,
        String displayName,
        String fromAddress,
        String user,
        String host,
        int port,
        SmtpEncryption encryption) {
}
