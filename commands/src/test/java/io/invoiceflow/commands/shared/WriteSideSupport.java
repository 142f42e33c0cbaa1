package io.invoiceflow.commands.shared;

import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.DeleteInvoiceDraft;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.order.CreateOrder;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.product.AddProduct;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The real write side (Axon on the JDBC event store, directory projector in the command's
 * transaction) on a private H2 in-memory database, with the clock fixed at
 * {@link FixtureSupport#NOW}. For the commands that touch two aggregates (credit, clone, invoice an
 * order), which AggregateTestFixture cannot test. Either {@link #start() started} by the test, which
 * closes it, or one for all the tests of a class: {@link #perTestClass()}.
 */
public final class WriteSideSupport implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private final Clock clock;
    private JdbcDataSource dataSource;
    private WriteSide writeSide;

    private WriteSideSupport(Clock clock) {
        this.clock = clock;
    }

    public static WriteSideSupport start() {
        return start(FixtureSupport.CLOCK);
    }

    public static WriteSideSupport start(Clock clock) {
        WriteSideSupport support = new WriteSideSupport(clock);
        support.open();
        return support;
    }

    /**
     * A write side for {@code @RegisterExtension static final}: started before the first test of the class,
     * closed after the last.
     */
    public static WriteSideSupport perTestClass() {
        return new WriteSideSupport(FixtureSupport.CLOCK);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (writeSide != null) {
            close();
        }
    }

    private void open() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:writeside-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        writeSide = WriteSide.start(dataSource, WriteSideSettings.defaults("test"), clock, null);
    }

    public WriteSide writeSide() {
        return writeSide;
    }

    /** The write side's database, for tests that store what an older version wrote. */
    public JdbcDataSource dataSource() {
        return dataSource;
    }

    /** Sends as user-1 in request req-1 of {@code tenant}. */
    public <R> R send(TenantId tenant, Object command) {
        return writeSide.send(command, new CommandContext("user-1", "req-1", tenant.value()));
    }

    /** Sends a command that must be refused, and returns the refusal. */
    public DomainException refused(TenantId tenant, Object command) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> send(tenant, command));
        assertThat(e).as("%s must be refused with a DomainException", command.getClass().getSimpleName()).isNotNull();
        return e;
    }

    /** The event payloads of one aggregate, oldest first. */
    public List<Object> payloads(String aggregateId) {
        return writeSide.events(aggregateId).stream().map(m -> (Object) m.getPayload()).toList();
    }

    public List<? extends DomainEventMessage<?>> events(String aggregateId) {
        return writeSide.events(aggregateId);
    }

    public <E> E last(String aggregateId, Class<E> type) {
        List<Object> payloads = payloads(aggregateId);
        assertThat(payloads).isNotEmpty();
        assertThat(payloads.get(payloads.size() - 1)).isInstanceOf(type);
        return type.cast(payloads.get(payloads.size() - 1));
    }

    /**
     * A fresh tenant (the {@link TestTenants} profile: INV-1001..., CN-1...) with the bakery, Tromsø
     * Tech and the catalogue of {@link NorwegianSamples}, created through commands.
     */
    public TenantId seedTenant() {
        TenantId tenant = TenantId.random();
        send(tenant, TestTenants.createTenant(tenant));
        send(tenant, TestTenants.registerCustomer(tenant));
        send(tenant, new RegisterCustomer(tenant, NorwegianSamples.TECH, NorwegianSamples.tech()));
        send(tenant, new AddProduct(tenant, NorwegianSamples.CONSULTING, NorwegianSamples.consulting()));
        return tenant;
    }

    public InvoiceId draft(TenantId tenant, InvoiceDraft draft) {
        InvoiceId id = InvoiceId.random();
        send(tenant, new CreateInvoice(id, tenant, draft));
        return id;
    }

    public InvoiceId finalInvoice(TenantId tenant, InvoiceDraft draft) {
        InvoiceId id = draft(tenant, draft);
        send(tenant, new FinalizeInvoice(id, tenant, null));
        return id;
    }

    /** A draft of {@link TestTenants#draft()} that was deleted: its id is taken, its history kept. */
    public InvoiceId deletedDraft(TenantId tenant) {
        InvoiceId id = draft(tenant, TestTenants.draft());
        send(tenant, new DeleteInvoiceDraft(id, tenant, null));
        return id;
    }

    /** A draft and a final invoice of {@link TestTenants#draft()} (INV-1001 in a fresh tenant), and an order. */
    public record Documents(InvoiceId draft, InvoiceId finalInvoice, OrderId order) {
    }

    /** Makes {@link Documents} in {@code tenant}, in this order: the draft, the final invoice, then {@code order}. */
    public Documents createDocuments(TenantId tenant, OrderDraft order) {
        InvoiceId draft = draft(tenant, TestTenants.draft());
        InvoiceId finalInvoice = finalInvoice(tenant, TestTenants.draft());
        OrderId orderId = OrderId.random();
        send(tenant, new CreateOrder(orderId, tenant, order));
        return new Documents(draft, finalInvoice, orderId);
    }

    @Override
    public void close() {
        writeSide.close();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("shutdown");
        } catch (SQLException e) {
            throw new IllegalStateException("could not shut the test database down", e);
        }
    }
}
