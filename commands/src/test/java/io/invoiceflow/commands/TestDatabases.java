package io.invoiceflow.commands;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Databases for integration tests: H2 (in memory or file) and a real PostgreSQL, each test in a
 * fresh schema. PostgreSQL comes from {@code INVOICEFLOW_TEST_DATABASE_URL} (.ci/run starts the
 * local server and sets it). Without it the PostgreSQL tests are skipped on a developer machine and
 * fail under CI, so they can never silently stop running there.
 */
public final class TestDatabases {
    public static final String URL_VARIABLE = "INVOICEFLOW_TEST_DATABASE_URL";

    public enum Kind { H2, POSTGRESQL }

    private TestDatabases() {
    }

    public static DataSource create(Kind kind) {
        return kind == Kind.H2 ? h2InMemory() : postgres();
    }

    public static DataSource h2InMemory() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** H2 in file mode as the app runs it: {@code WRITE_DELAY=0}. */
    public static DataSource h2File(Path file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file + ";WRITE_DELAY=0");
        return ds;
    }

    /** The JDBC URL of the test PostgreSQL, or a skipped (locally) / failed (CI) test. */
    public static String postgresUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                fail(URL_VARIABLE + " is not set under CI: .ci/run must start PostgreSQL");
            }
            assumeTrue(false, URL_VARIABLE + " is not set: PostgreSQL tests skipped (run .ci/run to include them)");
        }
        return url;
    }

    /** A fresh schema in the test PostgreSQL database. */
    public static DataSource postgres() {
        String url = postgresUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + url, e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** The JDBC URL of a fresh PostgreSQL schema, for starting the whole app against it. */
    public static String postgresUrlWithFreshSchema() {
        String url = postgresUrl();
        PGSimpleDataSource ds = (PGSimpleDataSource) postgres();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + ds.getCurrentSchema();
    }
}
