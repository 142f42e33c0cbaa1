package io.invoiceflow.events.tenant;

import io.invoiceflow.events.shared.TenantId;

public record ActivateInvoicing(TenantId tenantId) implements TenantCommand {
}
