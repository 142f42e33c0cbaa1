package io.invoiceflow.commands.store;

import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoicePaid;
import io.invoiceflow.events.invoice.MarkInvoicePaid;
import io.invoiceflow.events.invoice.VoidInvoice;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The aggregate cache and the recent-events cache with two write sides on one store, as two app
 * instances run: neither cache may ever make an instance act on, or answer with, a stale history.
 */
class WriteSideCachesIT {
    private final JdbcDataSource store = new JdbcDataSource();
    private final WriteSide a;
    private final WriteSide b;
    private final TenantId tenant = TenantId.random();
    private final CommandContext context = new CommandContext("user-1", "req-1", tenant.value());

    WriteSideCachesIT() {
        store.setURL("jdbc:h2:mem:caches-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        a = WriteSide.start(store, WriteSideSettings.defaults("a"), Clock.systemUTC(), null);
        b = WriteSide.start(store, WriteSideSettings.defaults("b"), Clock.systemUTC(), null);
        a.send(TestTenants.createTenant(tenant), context);
        a.send(TestTenants.registerCustomer(tenant), context);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void shouldServeExactlyTheStoredHistory_whenThisInstanceWroteIt() {
        // given
        InvoiceId invoice = finalizedOn(a);

        // when
        List<? extends DomainEventMessage<?>> served = a.events(invoice.value());

        // then every field equals what the store holds
        List<? extends DomainEventMessage<?>> stored = a.axon().eventStore().readEvents(invoice.value()).asStream().toList();
        assertThat(served).hasSize(2);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(served.get(i).getIdentifier()).isEqualTo(stored.get(i).getIdentifier());
            assertThat(served.get(i).getSequenceNumber()).isEqualTo(stored.get(i).getSequenceNumber());
            assertThat(served.get(i).getTimestamp()).isEqualTo(stored.get(i).getTimestamp());
            assertThat(served.get(i).getPayload()).isEqualTo(stored.get(i).getPayload());
            assertThat(served.get(i).getMetaData()).isEqualTo(stored.get(i).getMetaData());
        }
    }

    @Test
    void shouldAnswerWithTheOtherInstancesEvents_whenItWroteLast() {
        // given a finalized invoice both instances have seen
        InvoiceId invoice = finalizedOn(a);
        assertThat(b.events(invoice.value())).hasSize(2);

        // when the other instance marks it paid
        b.send(new MarkInvoicePaid(invoice, tenant, null), context);

        // then this instance answers with three events, not its two cached ones
        assertThat(a.events(invoice.value())).extracting(DomainEventMessage::getPayload)
                .last().isInstanceOf(InvoicePaid.class);
    }

    @Test
    void shouldAnswerAsItsOwnCommandLeftIt_whenAnotherInstanceWroteSince() throws Exception {
        // given this thread finalized an invoice on one instance, and the other instance then marked it paid
        InvoiceId invoice = finalizedOn(a);
        b.send(new MarkInvoicePaid(invoice, tenant, null), context);

        // when the first instance answers the finalize, then
        assertThat(a.eventsAsWritten(invoice.value())).extracting(DomainEventMessage::getPayload)
                .last().isInstanceOf(InvoiceFinalized.class);
        // another thread, or the store, sees the payment
        AtomicReference<List<? extends DomainEventMessage<?>>> elsewhere = new AtomicReference<>();
        Thread other = new Thread(() -> elsewhere.set(a.eventsAsWritten(invoice.value())));
        other.start();
        other.join();
        assertThat(elsewhere.get()).extracting(DomainEventMessage::getPayload).last().isInstanceOf(InvoicePaid.class);
        assertThat(a.events(invoice.value())).hasSize(3);
        // and so does this thread once its next command did not write the invoice
        a.send(new CreateInvoice(InvoiceId.random(), tenant, TestTenants.draft()), context);
        assertThat(a.eventsAsWritten(invoice.value())).extracting(DomainEventMessage::getPayload)
                .last().isInstanceOf(InvoicePaid.class);
    }

    @Test
    void shouldDecideOnFreshState_whenItsCachedAggregateIsStaleAndWouldRefuse() {
        // given a draft this instance created (its aggregate is cached as a draft) that the other finalizes
        InvoiceId invoice = InvoiceId.random();
        a.send(new CreateInvoice(invoice, tenant, TestTenants.draft()), context);
        b.send(new FinalizeInvoice(invoice, tenant, null), context);

        // when this instance marks it paid (a draft cannot be paid; a final invoice can)
        a.send(new MarkInvoicePaid(invoice, tenant, null), context);

        // then it was paid, after the finalization
        assertThat(a.events(invoice.value())).extracting(DomainEventMessage::getPayload)
                .hasExactlyElementsOfTypes(io.invoiceflow.events.invoice.InvoiceDrafted.class, InvoiceFinalized.class,
                        InvoicePaid.class);
    }

    @Test
    void shouldAppendAfterTheOtherInstance_whenItsCachedAggregateIsStaleAndWouldAccept() {
        // given a final invoice this instance holds, which the other then marks paid
        InvoiceId invoice = finalizedOn(a);
        b.send(new MarkInvoicePaid(invoice, tenant, null), context);

        // when this instance voids it on its stale copy (a final invoice may be voided; a paid one may not)
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> a.send(new VoidInvoice(invoice, tenant, "typo", null), context));

        // then the decision was taken on the fresh state and nothing was appended
        assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(a.events(invoice.value())).hasSize(3);
    }

    @Test
    void shouldKeepNothingOfARefusedCommand_whenItRollsBack() {
        // given
        InvoiceId invoice = finalizedOn(a);

        // when finalizing again is refused
        catchThrowableOfType(DomainException.class, () -> a.send(new FinalizeInvoice(invoice, tenant, null), context));

        // then the served history is still the stored one
        assertThat(a.events(invoice.value())).hasSize(2);
        assertThat(b.events(invoice.value())).hasSize(2);
    }

    private InvoiceId finalizedOn(WriteSide side) {
        InvoiceId invoice = InvoiceId.random();
        side.send(new CreateInvoice(invoice, tenant, TestTenants.draft()), context);
        side.send(new FinalizeInvoice(invoice, tenant, null), context);
        return invoice;
    }
}
