package io.invoiceflow.app.distribution;

import io.invoiceflow.commands.settings.TenantDistributionSettings;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.streams.distribution.TenantSettings;
import io.invoiceflow.streams.secrets.SecretBox;

/** The workers' settings: the write side's one-query read, the sender account's password opened here, in memory only. */
public final class WriteSideTenantSettings implements TenantSettings {
    private final TenantDistributionSettings settings;
    private final SecretBox secrets;

    public WriteSideTenantSettings(TenantDistributionSettings settings, SecretBox secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    @Override
    public Resolved resolve(TenantId tenant, CustomerNumber customer, DocumentKind kind, String chosenLayout) {
        TenantDistributionSettings.ForSending s = settings.forSending(tenant, customer, kind, chosenLayout);
        return new Resolved(s.supplier(), s.template(), s.layout(), s.emailTemplates(),
                s.senderAccount().map(stored -> SenderAccounts.open(tenant, stored, secrets)));
    }
}
