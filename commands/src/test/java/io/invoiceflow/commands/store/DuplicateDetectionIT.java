package io.invoiceflow.commands.store;

import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestDatabases;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * FIELD-NOTES: Axon's duplicate detection is broken by default on H2 and PostgreSQL. With the
 * SQL-state resolver a second create of the same aggregate is refused cleanly, and the refusal
 * does not carry the SQL (which holds the payload in hex).
 */
class DuplicateDetectionIT {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldRefuseAsAlreadyExists_whenTheSameCustomerNumberIsRegisteredTwice(TestDatabases.Kind kind) {
        try (WriteSide writeSide = WriteSide.start(TestDatabases.create(kind), WriteSideSettings.defaults("test"),
                Clock.systemUTC(), null)) {
            // given
            TenantId tenant = TenantId.random();
            CommandContext ctx = new CommandContext("test", "dup", tenant.value());
            writeSide.send(TestTenants.createTenant(tenant), ctx);
            writeSide.send(TestTenants.registerCustomer(tenant), ctx);

            // when
            DomainException refused = catchThrowableOfType(DomainException.class,
                    () -> writeSide.send(TestTenants.registerCustomer(tenant), ctx));

            // then
            assertThat(refused.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
            assertThat(refused.getMessage()).doesNotContainIgnoringCase("insert").doesNotContain("0x");
            assertThat(writeSide.events(tenant.value() + "/customer/" + TestTenants.CUSTOMER)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldKeepTheFirstDraft_whenTheSameInvoiceIdIsCreatedTwice(TestDatabases.Kind kind) {
        try (WriteSide writeSide = WriteSide.start(TestDatabases.create(kind), WriteSideSettings.defaults("test"),
                Clock.systemUTC(), null)) {
            // given
            TenantId tenant = TenantId.random();
            CommandContext ctx = new CommandContext("test", "dup", tenant.value());
            writeSide.send(TestTenants.createTenant(tenant), ctx);
            writeSide.send(TestTenants.registerCustomer(tenant), ctx);
            InvoiceId id = InvoiceId.random();
            writeSide.send(new CreateInvoice(id, tenant, TestTenants.draft()), ctx);

            // when
            DomainException refused = catchThrowableOfType(DomainException.class,
                    () -> writeSide.send(new CreateInvoice(id, tenant, TestTenants.draft()), ctx));

            // then
            assertThat(refused.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
            assertThat(writeSide.events(id.value())).hasSize(1);
        }
    }
}
