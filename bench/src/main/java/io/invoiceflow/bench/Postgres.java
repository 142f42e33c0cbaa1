package io.invoiceflow.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL under test: the URL split into a credential-free base and credentials (the app
 * redacts {@code password=} in {@code DATABASE_URL}, so credentials travel as {@code DATABASE_USER}
 * and {@code DATABASE_PASSWORD}), throw-away {@code bench_<random>} schemas, pools, and the
 * server-side counters read around each measured window.
 */
final class Postgres {
    static final String APPLICATION_NAME = "invoiceflow-bench";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final String user;
    private final String password;

    Postgres(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--database-url must be a jdbc:postgresql: URL");
        }
        int q = jdbcUrl.indexOf('?');
        String u = null;
        String p = null;
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String pair : jdbcUrl.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (key) {
                    case "user" -> u = value;
                    case "password" -> p = value;
                    case "currentSchema" -> { /* replaced per phase */ }
                    default -> kept.add(pair);
                }
            }
        }
        this.baseUrl = (q < 0 ? jdbcUrl : jdbcUrl.substring(0, q)) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        this.user = u;
        this.password = p;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The credential-free URL of {@code schema}. */
    String url(String schema) {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&ApplicationName=" + APPLICATION_NAME;
    }

    /**
     * The server processes whose CPU counts as this benchmark's: the sessions it opened (application
     * name {@value #APPLICATION_NAME}) and the server's background processes (WAL writer, checkpointer,
     * ...). Other sessions, such as other engineers' test runs on the same server, are left out.
     */
    java.util.Set<Integer> benchProcesses() {
        java.util.Set<Integer> pids = new java.util.HashSet<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select pid from pg_stat_activity where application_name = '" + APPLICATION_NAME + "'"
                        + " or backend_type <> 'client backend'")) {
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            return null;
        }
        return pids;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(baseUrl, user, password);
    }

    String createSchema() {
        String name = "bench_" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
        execute("create schema " + name);
        return name;
    }

    void dropSchema(String name) {
        execute("drop schema if exists " + name + " cascade");
    }

    void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String schema, String table) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + schema + "." + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> query(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            rows.add("(" + e.getMessage() + ")");
        }
        return rows;
    }

    /** A pool shaped like the app's (Invoiceflow.dataSource: HikariCP, at most 20 connections). */
    HikariDataSource pool(String schema, String name, int size, boolean autoCommit) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(url(schema));
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(size);
        hikari.setAutoCommit(autoCommit);
        return new HikariDataSource(hikari);
    }

    /** Server-wide and database-wide counters (other users of the server are included: noise). */
    Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select xact_commit, xact_rollback, tup_inserted, tup_updated,"
                    + " tup_fetched, tup_returned from pg_stat_database where datname = current_database()")) {
                if (rs.next()) {
                    out.put("xact_commit", rs.getLong(1));
                    out.put("xact_rollback", rs.getLong(2));
                    out.put("tup_inserted", rs.getLong(3));
                    out.put("tup_updated", rs.getLong(4));
                    out.put("tup_fetched", rs.getLong(5));
                    out.put("tup_returned", rs.getLong(6));
                }
            }
            try (ResultSet rs = s.executeQuery("select pg_current_wal_lsn() - '0/0'::pg_lsn")) {
                if (rs.next()) {
                    out.put("wal_bytes", rs.getBigDecimal(1).longValue());
                }
            } catch (SQLException e) {
                // not allowed for this user: skip
            }
            try (ResultSet rs = s.executeQuery("select wal_sync, wal_write from pg_stat_wal")) {
                if (rs.next()) {
                    out.put("wal_sync", rs.getLong(1));
                    out.put("wal_write", rs.getLong(2));
                }
            } catch (SQLException e) {
                // PostgreSQL before 14: skip
            }
        } catch (SQLException e) {
            // counters are informative only
        }
        return out;
    }

    String describe() {
        List<String> v = query("select version()");
        List<String> s = query("select string_agg(name || '=' || setting, ', ' order by name) from pg_settings where name in"
                + " ('synchronous_commit','fsync','wal_sync_method','commit_delay','shared_buffers','max_connections',"
                + "'full_page_writes','wal_level')");
        return (v.isEmpty() ? "?" : v.get(0)) + "; " + (s.isEmpty() ? "" : s.get(0));
    }
}
