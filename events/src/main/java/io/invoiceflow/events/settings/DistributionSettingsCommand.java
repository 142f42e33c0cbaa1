package io.invoiceflow.events.settings;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.TenantId;

/** Everything a tenant can change in its distribution settings; the first change creates them. */
public sealed interface DistributionSettingsCommand extends AggregateCommand
        permits ChangePaymentSettings, ChangeDefaultLayouts, SetCustomerLayout, RemoveCustomerLayout,
        SaveDocumentTemplate, RemoveDocumentTemplate, SaveEmailTemplate, RemoveEmailTemplate, SetSenderAccount,
        RemoveSenderAccount {
    TenantId tenantId();

    @Override
    default String aggregateId() {
        return aggregateId(tenantId());
    }

    /** The settings aggregate of a tenant: {@code <tenantId>/distribution-settings}. */
    static String aggregateId(TenantId tenant) {
        return tenant.value() + "/distribution-settings";
    }
}
