package io.invoiceflow.app.distribution;

import io.invoiceflow.commands.settings.TenantDistributionSettings;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.streams.distribution.TenantSettings;
import io.invoiceflow.streams.mail.Encryption;
import io.invoiceflow.streams.mail.SmtpAccount;
import io.invoiceflow.streams.secrets.Secret;
import io.invoiceflow.streams.secrets.SecretBox;
import io.invoiceflow.streams.secrets.SecretBoxException;

import java.util.Optional;

/** A tenant's stored sender account as the mail module uses it: its password opened with the installation key. */
final class SenderAccounts {
    private SenderAccounts() {
    }

    /** What a tenant's password is sealed for: a sealed password copied to another tenant does not open. */
    static String context(TenantId tenant) {
        return "smtp-account:" + tenant.value();
    }

    /**
     * @throws TenantSettings.SenderAccountUnusable when the password does not open with this installation's key (the
     *         message says so, never more)
     */
    static SmtpAccount open(TenantId tenant, TenantDistributionSettings.StoredAccount stored, SecretBox secrets) {
        Secret password;
        try {
            password = stored.sealedPassword() == null ? Secret.empty() : secrets.open(stored.sealedPassword(), context(tenant));
        } catch (SecretBoxException e) {
            throw new TenantSettings.SenderAccountUnusable("the password of sender account \"" + stored.account().accountName()
                    + "\" cannot be decrypted: " + e.getMessage() + "; enter it again");
        }
        try {
            return smtp(stored.account(), password);
        } catch (DomainException e) {
            throw new TenantSettings.SenderAccountUnusable("sender account \"" + stored.account().accountName()
                    + "\" is incomplete: " + e.getMessage());
        }
    }

    /** The mail module's account; its constructor checks every field (violations name them). */
    static SmtpAccount smtp(SenderAccount account, Secret password) {
        return new SmtpAccount(account.accountName(), Optional.ofNullable(account.displayName()), account.fromAddress(),
                Optional.ofNullable(account.user()), password, account.host(), account.port(),
                account.encryption() == null ? null : Encryption.valueOf(account.encryption().name()));
    }
}
