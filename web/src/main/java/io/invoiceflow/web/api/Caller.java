package io.invoiceflow.web.api;

import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.Role;

import java.util.Set;

/**
 * Who is calling: the operator (admin token, every tenant) or a user of one tenant with roles.
 * {@code actor} is what lands in event metadata: {@code admin} or the user id.
 */
public record Caller(String actor, TenantId tenantId, Set<Role> roles) {
    public static final String ADMIN_ACTOR = "admin";

    public static Caller admin() {
        return new Caller(ADMIN_ACTOR, null, Set.of());
    }

    public boolean isAdmin() {
        return tenantId == null;
    }

    /** The operator sees every tenant; a user only their own. Anything else is reported as not found. */
    public boolean canSee(TenantId tenant) {
        return isAdmin() || tenantId.equals(tenant);
    }

    public boolean may(Permission permission) {
        if (isAdmin()) {
            return true;
        }
        for (Role role : roles) { // every request asks: a loop, not a stream
            if (permission.grantedTo(role)) {
                return true;
            }
        }
        return false;
    }
}
