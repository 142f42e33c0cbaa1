package io.invoiceflow.commands.store;

import io.invoiceflow.commands.TestDatabases;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FIELD-NOTES: outside Spring, Axon needs one transaction manager that is also its connection provider. */
class JdbcTransactionsTest {
    private DataSource dataSource;
    private final AtomicLong nanos = new AtomicLong();
    private JdbcTransactions transactions;

    @BeforeEach
    void setUp() throws SQLException {
        dataSource = TestDatabases.h2InMemory();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table t (v int)");
        }
        transactions = new JdbcTransactions(dataSource, Duration.ofSeconds(1), nanos::get);
    }

    @Test
    void shouldShareOneConnectionAndCommitOnce_whenTransactionsAreNested() throws SQLException {
        // given an outer and a joined inner transaction
        Transaction outer = transactions.startTransaction();
        Transaction inner = transactions.startTransaction();
        try (Connection a = transactions.getConnection(); Connection b = transactions.getConnection()) {
            insert(a, 1);
            insert(b, 2);
            assertThat(a.unwrap(Connection.class)).isSameAs(b.unwrap(Connection.class));
        }
        // when the inner commits, nothing is visible yet; when the outer commits, both rows are
        inner.commit();
        assertThat(count()).isZero();
        outer.commit();
        assertThat(count()).isEqualTo(2);
        assertThat(transactions.inTransaction()).isFalse();
    }

    @Test
    void shouldRollBackEverything_whenAnInnerTransactionRollsBack() throws SQLException {
        Transaction outer = transactions.startTransaction();
        Transaction inner = transactions.startTransaction();
        insert(transactions.getConnection(), 1);
        inner.rollback();
        assertThatThrownBy(outer::commit).hasMessageContaining("rollback-only");
        assertThat(count()).isZero();
    }

    @Test
    void shouldRollBackInsteadOfCommitting_whenTheTransactionRanLongerThanTheLimit() throws SQLException {
        // given a transaction that has been open for longer than the limit (1 s on the test clock)
        Transaction tx = transactions.startTransaction();
        insert(transactions.getConnection(), 1);
        nanos.addAndGet(Duration.ofMillis(1001).toNanos());

        // when / then
        assertThatThrownBy(tx::commit).hasMessageContaining("longer than the limit");
        assertThat(count()).isZero();
        assertThat(transactions.inTransaction()).isFalse();
    }

    @Test
    void shouldHandOutAutocommitConnections_whenNoTransactionIsOpen() throws SQLException {
        try (Connection c = transactions.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            insert(c, 1);
        }
        assertThat(count()).isEqualTo(1);
    }

    private static void insert(Connection c, int v) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("insert into t values (" + v + ")");
        }
    }

    private int count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
