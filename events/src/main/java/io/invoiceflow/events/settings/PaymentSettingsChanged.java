package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/**
 * The tenant's payment settings (H7) were replaced; {@code settings} is the whole new state, checked for the
 * tenant's country and normalised (bank account, IBAN and BIC without spaces, upper case).
 */
@EventRevision("1")
public record PaymentSettingsChanged(TenantId tenantId, PaymentSettings settings) implements DistributionSettingsEvent {
}
