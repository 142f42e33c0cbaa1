package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.TenantId;

/**
 * Set or change the tenant's SMTP account (S6). {@code sealedPassword} is the new password, already encrypted
 * with the installation key for the context {@code smtp-account:<tenantId>}; null keeps the stored one (an
 * account without a user has none). The plain password never reaches the write side.
 */
public record SetSenderAccount(TenantId tenantId, SenderAccount account, String sealedPassword, Long expectedVersion)
        implements DistributionSettingsCommand {

    @Override
    public String toString() {
        return "SetSenderAccount[tenantId=" + tenantId + ", account=" + account + ", newPassword="
                + (sealedPassword != null) + ", expectedVersion=" + expectedVersion + "]";
    }
}
