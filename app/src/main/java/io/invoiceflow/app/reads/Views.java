package io.invoiceflow.app.reads;

import io.invoiceflow.events.tenant.Role;
import io.invoiceflow.events.tenant.TenantProfile;

import java.time.Instant;
import java.util.List;

/** The API's response shapes (documented in openapi.json). */
public final class Views {
    private Views() {
    }

    public record TenantView(String tenantId, TenantProfile profile, boolean invoicingActive, List<UserView> users,
                             Instant createdAt) {
    }

    public record UserView(String userId, String name, String email, List<Role> roles, String apiKeyPrefix,
                           String createdBy, Instant createdAt) {
    }
}
