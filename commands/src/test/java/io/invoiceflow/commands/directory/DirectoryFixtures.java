package io.invoiceflow.commands.directory;

import io.invoiceflow.commands.store.Dialect;
import io.invoiceflow.commands.store.JdbcTransactions;
import io.invoiceflow.commands.store.Schema;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.CustomerRegistered;
import io.invoiceflow.events.frequency.FrequencyCreated;
import io.invoiceflow.events.frequency.FrequencyDeactivated;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.product.ProductAdded;
import io.invoiceflow.events.product.ProductDetails;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.InvoicingActivated;
import io.invoiceflow.events.tenant.InvoicingDeactivated;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.events.tenant.TenantProfile;
import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Test-only: a real {@link Directory} on a fresh H2 in-memory database, seeded through the real
 * {@link DirectoryProjector} handlers (the same code that keeps the directory in step with the
 * events in production). One instance per test; {@link #close()} drops the database.
 */
public final class DirectoryFixtures implements AutoCloseable {
    private final JdbcDataSource dataSource;
    private final JdbcTransactions transactions;
    private final Directory directory;
    private final DirectoryProjector projector;

    private DirectoryFixtures(JdbcDataSource dataSource) {
        this.dataSource = dataSource;
        Schema.create(dataSource, Dialect.H2);
        this.transactions = new JdbcTransactions(dataSource, Duration.ofSeconds(30));
        this.directory = new Directory(transactions, Dialect.H2);
        this.projector = new DirectoryProjector(directory);
    }

    /** A directory on its own, empty H2 in-memory database. */
    public static DirectoryFixtures inMemory() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:directory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new DirectoryFixtures(ds);
    }

    public Directory directory() {
        return directory;
    }

    public JdbcTransactions transactions() {
        return transactions;
    }

    public JdbcDataSource dataSource() {
        return dataSource;
    }

    /** A tenant row with invoicing active and its two number series (the profile must name both). */
    public DirectoryFixtures tenant(TenantId tenantId, TenantProfile profile) {
        projector.on(new TenantCreated(tenantId, profile));
        return this;
    }

    public DirectoryFixtures deactivateInvoicing(TenantId tenantId) {
        projector.on(new InvoicingDeactivated(tenantId, "test"));
        return this;
    }

    public DirectoryFixtures activateInvoicing(TenantId tenantId) {
        projector.on(new InvoicingActivated(tenantId));
        return this;
    }

    public DirectoryFixtures customer(TenantId tenantId, CustomerNumber number, CustomerDetails details) {
        projector.on(new CustomerRegistered(tenantId, number, details), 0L);
        return this;
    }

    /** An active frequency of the tenant's catalogue, not in use. */
    public DirectoryFixtures frequency(TenantId tenantId, FrequencyId frequencyId, String name,
                                       FrequencyDefinition definition) {
        projector.on(new FrequencyCreated(frequencyId, tenantId, name, false, definition), 0L, "user-1",
                Instant.parse("2026-01-01T00:00:00Z"));
        return this;
    }

    public DirectoryFixtures deactivateFrequency(TenantId tenantId, FrequencyId frequencyId) {
        projector.on(new FrequencyDeactivated(frequencyId, tenantId), 1L, "user-1", Instant.parse("2026-01-02T00:00:00Z"));
        return this;
    }

    public DirectoryFixtures product(TenantId tenantId, ProductCode code, ProductDetails details) {
        projector.on(new ProductAdded(tenantId, code, details), 0L);
        return this;
    }

    @Override
    public void close() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("shutdown");
        } catch (SQLException e) {
            throw new IllegalStateException("could not shut the test database down", e);
        }
    }
}
