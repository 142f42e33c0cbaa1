package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/** Render an existing customer's invoices and credit notes with {@code layout} (S2). */
public record SetCustomerLayout(TenantId tenantId, CustomerNumber customerNumber, String layout, Long expectedVersion)
        implements DistributionSettingsCommand {
}
