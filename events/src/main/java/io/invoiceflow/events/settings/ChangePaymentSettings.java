package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.TenantId;

/** Replace the payment settings (H7); checked for the tenant's country. */
public record ChangePaymentSettings(TenantId tenantId, PaymentSettings settings, Long expectedVersion)
        implements DistributionSettingsCommand {
}
