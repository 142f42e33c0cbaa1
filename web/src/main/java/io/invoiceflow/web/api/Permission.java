package io.invoiceflow.web.api;

import io.invoiceflow.events.tenant.Role;

import java.util.EnumSet;
import java.util.Set;

/** What a route needs; granted to roles as documented in the README. The operator (admin token) has all. */
public enum Permission {
    READ(EnumSet.allOf(Role.class)),
    MANAGE_CUSTOMERS(EnumSet.of(Role.ADMIN, Role.ACCOUNTANT, Role.SALES)),
    MANAGE_PRODUCTS(EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
    MANAGE_ORDERS(EnumSet.of(Role.ADMIN, Role.ACCOUNTANT, Role.SALES)),
    INVOICE(EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
    MANAGE_FREQUENCIES(EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
    /** P1-P3: the distribution list. */
    MANAGE_DISTRIBUTION(EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
    /** S2/S3: the default layouts, the customer rules and the tenant's templates. */
    MANAGE_TEMPLATES(EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
    /** S5 ({@code custom-invoice-email}): the email texts and the tenant's sender account. */
    CUSTOM_INVOICE_EMAIL(EnumSet.of(Role.ADMIN)),
    /** Users, the S1 switch and the payment settings (H7: where customers pay to). */
    ADMINISTER_TENANT(EnumSet.of(Role.ADMIN));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
