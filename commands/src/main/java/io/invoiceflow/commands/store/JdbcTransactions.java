package io.invoiceflow.commands.store;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Axon's transaction manager and connection provider in one, for running without Spring: one
 * connection per thread with autocommit off while a transaction is open; nested transactions join
 * the outer one. Give the same instance to the event storage engine, the token store and the
 * configurer, so that events, tokens and lookup rows commit together.
 *
 * <p>A transaction older than {@code maxDuration} is rolled back instead of committed. This is what
 * keeps the Kafka forwarder from losing events: a global index value that stays uncommitted longer
 * than the event store's gap timeout would be forgotten by the tracking token (see ADR 0002), so
 * {@code maxDuration} must stay below half of the gap timeout.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider {
    private final DataSource dataSource;
    private final long maxDurationNanos;
    private final LongSupplier nanoClock;
    private final ThreadLocal<OpenTransaction> current = new ThreadLocal<>();

    public JdbcTransactions(DataSource dataSource, Duration maxDuration) {
        this(dataSource, maxDuration, System::nanoTime);
    }

    JdbcTransactions(DataSource dataSource, Duration maxDuration, LongSupplier nanoClock) {
        this.dataSource = dataSource;
        this.maxDurationNanos = maxDuration.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public Transaction startTransaction() {
        OpenTransaction open = current.get();
        if (open != null) {
            open.depth++;
            return new Joined(open);
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            open = new OpenTransaction(connection, nanoClock.getAsLong());
            current.set(open);
            return new Outer(open);
        } catch (SQLException e) {
            throw new TransactionFailedException("could not start a transaction", e);
        }
    }

    /** The current transaction's connection (closing it is a no-op), or a fresh autocommit connection. */
    @Override
    public Connection getConnection() throws SQLException {
        OpenTransaction open = current.get();
        return open != null ? open.handle : dataSource.getConnection();
    }

    /** True while this thread has a transaction open. */
    public boolean inTransaction() {
        return current.get() != null;
    }

    private final class OpenTransaction {
        final Connection connection;
        final Connection handle;
        final long startedNanos;
        int depth;
        boolean rollbackOnly;

        OpenTransaction(Connection connection, long startedNanos) {
            this.connection = connection;
            this.startedNanos = startedNanos;
            this.handle = nonClosing(connection);
        }

        void finish(boolean commit) {
            current.remove();
            try (connection) {
                if (commit && !rollbackOnly) {
                    long age = nanoClock.getAsLong() - startedNanos;
                    if (age > maxDurationNanos) {
                        connection.rollback();
                        throw new TransactionFailedException("transaction ran " + Duration.ofNanos(age).toMillis()
                                + " ms, longer than the limit of " + Duration.ofNanos(maxDurationNanos).toMillis()
                                + " ms; rolled back", null);
                    }
                    connection.commit();
                } else {
                    connection.rollback();
                    if (commit) {
                        throw new TransactionFailedException("transaction was marked rollback-only", null);
                    }
                }
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new TransactionFailedException(commit ? "commit failed" : "rollback failed", e);
            }
        }
    }

    private static final class Outer implements Transaction {
        private final JdbcTransactions.OpenTransaction open;

        Outer(JdbcTransactions.OpenTransaction open) {
            this.open = open;
        }

        @Override
        public void commit() {
            open.finish(true);
        }

        @Override
        public void rollback() {
            open.finish(false);
        }
    }

    private static final class Joined implements Transaction {
        private final JdbcTransactions.OpenTransaction open;

        Joined(JdbcTransactions.OpenTransaction open) {
            this.open = open;
        }

        @Override
        public void commit() {
            open.depth--;
        }

        @Override
        public void rollback() {
            open.depth--;
            open.rollbackOnly = true;
        }
    }

    private static Connection nonClosing(Connection target) {
        return (Connection) Proxy.newProxyInstance(JdbcTransactions.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null;
                        case "isClosed":
                            return target.isClosed();
                        case "unwrap":
                            return ((Class<?>) args[0]).isInstance(target) ? target : target.unwrap((Class<?>) args[0]);
                        default:
                            try {
                                return method.invoke(target, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    /** A transaction could not be started, committed or rolled back. */
    public static final class TransactionFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransactionFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
