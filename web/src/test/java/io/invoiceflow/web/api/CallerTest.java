package io.invoiceflow.web.api;

import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {
    private final TenantId tenant = TenantId.random();

    @Test
    void shouldHoldAPermission_whenAnyOfTheUsersRolesIsGrantedIt() {
        // given
        Caller salesAndAuditor = new Caller("user-1", tenant, EnumSet.of(Role.SALES, Role.AUDITOR));

        // when / then
        assertThat(salesAndAuditor.may(Permission.READ)).isTrue();
        assertThat(salesAndAuditor.may(Permission.MANAGE_ORDERS)).isTrue();
        assertThat(salesAndAuditor.may(Permission.INVOICE)).isFalse();
        assertThat(salesAndAuditor.may(Permission.ADMINISTER_TENANT)).isFalse();
    }

    @Test
    void shouldHoldNoPermission_whenTheUserHasNoRole() {
        // given
        Caller noRoles = new Caller("user-2", tenant, Set.of());

        // when / then
        for (Permission permission : Permission.values()) {
            assertThat(noRoles.may(permission)).as(permission.name()).isFalse();
        }
    }

    @Test
    void shouldHoldEveryPermission_whenTheCallerIsTheOperator() {
        // given
        Caller operator = Caller.admin();

        // when / then
        for (Permission permission : Permission.values()) {
            assertThat(operator.may(permission)).as(permission.name()).isTrue();
        }
    }
}
