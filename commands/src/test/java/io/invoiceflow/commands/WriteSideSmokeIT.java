package io.invoiceflow.commands;

import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class WriteSideSmokeIT {
    @Test
    void shouldFinalizeInvoice_whenTenantCustomerAndDraftExist() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:smoke;DB_CLOSE_DELAY=-1");
        try (WriteSide w = WriteSide.start(ds, WriteSideSettings.defaults("test"), Clock.systemUTC(), null)) {
            CommandContext ctx = new CommandContext("admin", "req-1", null);
            TenantId tenant = TenantId.random();
            w.send(TestTenants.createTenant(tenant), ctx);
            w.send(TestTenants.registerCustomer(tenant), ctx);
            InvoiceId invoice = InvoiceId.random();
            w.send(new CreateInvoice(invoice, tenant, TestTenants.draft()), ctx);
            w.send(new FinalizeInvoice(invoice, tenant, null), ctx);
            var events = w.events(invoice.value());
            assertThat(events).hasSize(2);
            InvoiceFinalized finalized = (InvoiceFinalized) events.get(1).getPayload();
            assertThat(finalized.number()).isEqualTo("INV-1001");
            assertThat(finalized.totals().grossAmount()).isEqualByComparingTo("749.63");
            assertThat(events.get(1).getMetaData()).containsEntry("actor", "admin").containsEntry("requestId", "req-1");
        }
    }
}
