package io.invoiceflow.commands.shared;

import io.invoiceflow.commands.directory.DirectoryFixtures;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The tests of one aggregate on Axon's {@link AggregateTestFixture} as {@link FixtureSupport} wires it: before
 * each test a fresh H2 directory holding {@link NorwegianSamples#seed the Norwegian sample tenant} (its
 * customers and catalogue), dropped after the test.
 *
 * @param <T> the aggregate
 */
public abstract class AggregateTestBase<T> {
    private final Class<T> aggregateType;
    protected DirectoryFixtures db;
    /** The sample tenant. */
    protected TenantId tenant;
    protected AggregateTestFixture<T> fixture;

    protected AggregateTestBase(Class<T> aggregateType) {
        this.aggregateType = aggregateType;
    }

    @BeforeEach
    protected final void seedDirectory() {
        db = DirectoryFixtures.inMemory();
        tenant = NorwegianSamples.seed(db);
        fixture = FixtureSupport.fixture(aggregateType, db);
    }

    @AfterEach
    protected final void dropDirectory() {
        db.close();
    }
}
