package io.invoiceflow.events.tenant;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.TenantId;

/** Everything an operator or a tenant admin can ask of a tenant. */
public sealed interface TenantCommand extends AggregateCommand
        permits CreateTenant, DeactivateInvoicing, ActivateInvoicing, CreateUser {
    TenantId tenantId();

    @Override
    default String aggregateId() {
        return tenantId().value();
    }
}
