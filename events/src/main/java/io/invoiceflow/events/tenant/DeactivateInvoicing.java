package io.invoiceflow.events.tenant;

import io.invoiceflow.events.shared.TenantId;

public record DeactivateInvoicing(TenantId tenantId, String reason) implements TenantCommand {
}
