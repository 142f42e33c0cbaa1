package io.invoiceflow.commands.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.commands.store.Dialect;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.product.ProductDetails;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.UserId;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.Role;
import io.invoiceflow.events.tenant.TenantProfile;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The write side's lookup tables: tenants, customers, products, frequencies, the distribution list, number
 * series and API keys. They
 * are derived from events by {@link DirectoryProjector} in the same transaction as the events
 * (number series and API key hashes are written by the command handlers that need them), so a
 * command always sees a state consistent with the event store. Every method uses the calling
 * thread's transaction when one is open.
 */
public final class Directory {
    /** The two number series of a tenant. */
    public enum Series { INVOICE, CREDIT_NOTE }

    private final ConnectionProvider connections;
    private final String takeNumberSql;
    private final ObjectMapper json = EventJson.mapper();
    /** Parsed profiles by tenant, reused while the stored JSON is unchanged: the row is still read every time. */
    private final Map<TenantId, ParsedProfile> profiles = new ConcurrentHashMap<>();

    public Directory(ConnectionProvider connections, Dialect dialect) {
        this.connections = connections;
        // one statement takes the number and keeps the row locked until the transaction ends
        String increment = "update number_series set next_value = next_value + 1 where tenant_id = ? and series = ?";
        this.takeNumberSql = switch (dialect) {
            case POSTGRESQL -> increment + " returning prefix, next_value - 1";
            case H2 -> "select prefix, next_value - 1 from final table (" + increment + ")";
        };
    }

    // ---- tenants

    public Optional<TenantRecord> tenant(TenantId tenantId) {
        return queryOne("select invoicing_active, profile_json from tenant_directory where tenant_id = ?",
                ps -> ps.setString(1, tenantId.value()),
                rs -> new TenantRecord(tenantId, profile(tenantId, rs.getString(2)), rs.getBoolean(1)));
    }

    private TenantProfile profile(TenantId tenantId, String profileJson) {
        ParsedProfile cached = profiles.get(tenantId);
        if (cached != null && cached.json().equals(profileJson)) {
            return cached.profile();
        }
        TenantProfile parsed = read(profileJson, TenantProfile.class);
        profiles.put(tenantId, new ParsedProfile(profileJson, parsed));
        return parsed;
    }

    private record ParsedProfile(String json, TenantProfile profile) {
    }

    /** The tenant, or NOT_FOUND. */
    public TenantRecord requireTenant(TenantId tenantId) {
        return tenant(tenantId).orElseThrow(() -> DomainException.notFound("tenant " + tenantId));
    }

    void insertTenant(TenantId tenantId, TenantProfile profile) {
        update("insert into tenant_directory (tenant_id, invoicing_active, profile_json) values (?, ?, ?)",
                ps -> {
                    ps.setString(1, tenantId.value());
                    ps.setBoolean(2, true);
                    ps.setString(3, write(profile));
                });
        insertSeries(tenantId, Series.INVOICE, profile.invoiceNumbers());
        insertSeries(tenantId, Series.CREDIT_NOTE, profile.creditNoteNumbers());
    }

    void setInvoicingActive(TenantId tenantId, boolean active) {
        update("update tenant_directory set invoicing_active = ? where tenant_id = ?", ps -> {
            ps.setBoolean(1, active);
            ps.setString(2, tenantId.value());
        });
    }

    // ---- number series

    private void insertSeries(TenantId tenantId, Series series, NumberSeries numbers) {
        update("insert into number_series (tenant_id, series, prefix, next_value) values (?, ?, ?, ?)", ps -> {
            ps.setString(1, tenantId.value());
            ps.setString(2, series.name());
            ps.setString(3, numbers.prefix());
            ps.setLong(4, numbers.startNumber());
        });
    }

    /**
     * Takes the next number of a series. Must run inside the transaction that records the numbered
     * event: the row stays locked until it commits, and a rollback gives the number back, so numbers
     * are gap-free and unique also under concurrent finalization and across instances.
     */
    public AssignedNumber takeNextNumber(TenantId tenantId, Series series) {
        try {
            Connection c = connections.getConnection();
            try {
                if (c.getAutoCommit()) {
                    throw new IllegalStateException("a number can only be taken inside a transaction");
                }
                try (PreparedStatement ps = c.prepareStatement(takeNumberSql)) {
                    ps.setString(1, tenantId.value());
                    ps.setString(2, series.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw DomainException.notFound("number series " + series + " of tenant " + tenantId);
                        }
                        long taken = rs.getLong(2);
                        return new AssignedNumber(rs.getString(1) + taken, taken);
                    }
                }
            } finally {
                c.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the next " + series + " number", e);
        }
    }

    /** A number taken from a series: the formatted number and its sequence value. */
    public record AssignedNumber(String number, long sequence) {
    }

    // ---- customers

    public Optional<Versioned<CustomerDetails>> customer(TenantId tenantId, CustomerNumber number) {
        return queryOne("select version, details_json from customer_directory where tenant_id = ? and customer_number = ?",
                ps -> {
                    ps.setString(1, tenantId.value());
                    ps.setString(2, number.value());
                },
                rs -> new Versioned<>(rs.getLong(1), read(rs.getString(2), CustomerDetails.class)));
    }

    /** Customers ordered by number, after {@code afterNumber} (exclusive, null for the first page). */
    public List<CustomerEntry> customers(TenantId tenantId, String afterNumber, int limit) {
        return queryList("select customer_number, version, details_json from customer_directory"
                        + " where tenant_id = ? and customer_number > ? order by customer_number limit ?",
                ps -> {
                    ps.setString(1, tenantId.value());
                    ps.setString(2, afterNumber == null ? "" : afterNumber);
                    ps.setInt(3, limit);
                },
                rs -> new CustomerEntry(new CustomerNumber(rs.getString(1)), rs.getLong(2),
                        read(rs.getString(3), CustomerDetails.class)));
    }

    public record CustomerEntry(CustomerNumber customerNumber, long version, CustomerDetails details) {
    }

    void upsertCustomer(TenantId tenantId, CustomerNumber number, long version, CustomerDetails details) {
        int changed = update("update customer_directory set version = ?, details_json = ? where tenant_id = ? and customer_number = ?",
                ps -> {
                    ps.setLong(1, version);
                    ps.setString(2, write(details));
                    ps.setString(3, tenantId.value());
                    ps.setString(4, number.value());
                });
        if (changed == 0) {
            update("insert into customer_directory (tenant_id, customer_number, version, details_json) values (?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, tenantId.value());
                        ps.setString(2, number.value());
                        ps.setLong(3, version);
                        ps.setString(4, write(details));
                    });
        }
    }

    // ---- products

    public Optional<Versioned<ProductDetails>> product(TenantId tenantId, ProductCode code) {
        return queryOne("select version, details_json from product_directory where tenant_id = ? and product_code = ?",
                ps -> {
                    ps.setString(1, tenantId.value());
                    ps.setString(2, code.value());
                },
                rs -> new Versioned<>(rs.getLong(1), read(rs.getString(2), ProductDetails.class)));
    }

    public List<ProductEntry> products(TenantId tenantId) {
        return queryList("select product_code, version, details_json from product_directory where tenant_id = ? order by product_code",
                ps -> ps.setString(1, tenantId.value()),
                rs -> new ProductEntry(new ProductCode(rs.getString(1)), rs.getLong(2), read(rs.getString(3), ProductDetails.class)));
    }

    public record ProductEntry(ProductCode productCode, long version, ProductDetails details) {
    }

    void upsertProduct(TenantId tenantId, ProductCode code, long version, ProductDetails details) {
        int changed = update("update product_directory set version = ?, details_json = ? where tenant_id = ? and product_code = ?",
                ps -> {
                    ps.setLong(1, version);
                    ps.setString(2, write(details));
                    ps.setString(3, tenantId.value());
                    ps.setString(4, code.value());
                });
        if (changed == 0) {
            update("insert into product_directory (tenant_id, product_code, version, details_json) values (?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, tenantId.value());
                        ps.setString(2, code.value());
                        ps.setLong(3, version);
                        ps.setString(4, write(details));
                    });
        }
    }

    // ---- frequencies (the catalogue list)

    /** A frequency of the catalogue as the list shows it. {@code inUse}: subscriptions using it. */
    public record FrequencyEntry(FrequencyId frequencyId, long version, String name, boolean automaticName,
                                 FrequencyDefinition definition, boolean active, int inUse, String createdBy,
                                 Instant createdAt, String changedBy, Instant changedAt) {
    }

    private static final String FREQUENCY_COLUMNS = "frequency_id, version, name, automatic_name, pattern_json,"
            + " anchor, end_json, active, in_use, created_by, created_at, changed_by, changed_at";

    public Optional<FrequencyEntry> frequency(TenantId tenantId, FrequencyId frequencyId) {
        return queryOne("select " + FREQUENCY_COLUMNS + " from frequency_directory where tenant_id = ? and frequency_id = ?",
                ps -> {
                    ps.setString(1, tenantId.value());
                    ps.setString(2, frequencyId.value());
                },
                this::frequencyEntry);
    }

    /** Every frequency of the tenant, active or not, by id (the API sorts and filters). */
    public List<FrequencyEntry> frequencies(TenantId tenantId) {
        return queryList("select " + FREQUENCY_COLUMNS + " from frequency_directory where tenant_id = ? order by frequency_id",
                ps -> ps.setString(1, tenantId.value()), this::frequencyEntry);
    }

    private FrequencyEntry frequencyEntry(ResultSet rs) throws SQLException {
        FrequencyDefinition definition = new FrequencyDefinition(read(rs.getString(5), FrequencyPattern.class),
                rs.getDate(6).toLocalDate(), read(rs.getString(7), FrequencyEnd.class));
        return new FrequencyEntry(new FrequencyId(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                definition, rs.getBoolean(8), rs.getInt(9), rs.getString(10), Instant.parse(rs.getString(11)),
                rs.getString(12), Instant.parse(rs.getString(13)));
    }

    void insertFrequency(TenantId tenantId, FrequencyId frequencyId, long version, String name, boolean automaticName,
                         FrequencyDefinition definition, String actor, Instant at) {
        update("insert into frequency_directory (tenant_id, " + FREQUENCY_COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, tenantId.value());
                    ps.setString(2, frequencyId.value());
                    ps.setLong(3, version);
                    ps.setString(4, name);
                    ps.setBoolean(5, automaticName);
                    ps.setString(6, write(definition.pattern()));
                    ps.setDate(7, java.sql.Date.valueOf(definition.anchor()));
                    ps.setString(8, write(definition.end()));
                    ps.setBoolean(9, true);
                    ps.setInt(10, 0);
                    ps.setString(11, actor);
                    ps.setString(12, at.toString());
                    ps.setString(13, actor);
                    ps.setString(14, at.toString());
                });
    }

    void renameFrequency(TenantId tenantId, FrequencyId frequencyId, long version, String name, boolean automaticName,
                         String actor, Instant at) {
        changeFrequency("name = ?, automatic_name = ?", tenantId, frequencyId, version, actor, at, (ps, i) -> {
            ps.setString(i, name);
            ps.setBoolean(i + 1, automaticName);
        });
    }

    void changeFrequencySchedule(TenantId tenantId, FrequencyId frequencyId, long version, FrequencyDefinition definition,
                                 String name, String actor, Instant at) {
        changeFrequency("pattern_json = ?, anchor = ?, end_json = ?, name = ?", tenantId, frequencyId, version, actor, at,
                (ps, i) -> {
                    ps.setString(i, write(definition.pattern()));
                    ps.setDate(i + 1, java.sql.Date.valueOf(definition.anchor()));
                    ps.setString(i + 2, write(definition.end()));
                    ps.setString(i + 3, name);
                });
    }

    void setFrequencyActive(TenantId tenantId, FrequencyId frequencyId, long version, boolean active, String actor,
                            Instant at) {
        changeFrequency("active = ?", tenantId, frequencyId, version, actor, at, (ps, i) -> ps.setBoolean(i, active));
    }

    private interface ColumnBinder {
        void bind(PreparedStatement ps, int first) throws SQLException;
    }

    private void changeFrequency(String assignments, TenantId tenantId, FrequencyId frequencyId, long version,
                                 String actor, Instant at, ColumnBinder columns) {
        int count = assignments.split(",").length;
        update("update frequency_directory set " + assignments + ", version = ?, changed_by = ?, changed_at = ?"
                        + " where tenant_id = ? and frequency_id = ?",
                ps -> {
                    columns.bind(ps, 1);
                    ps.setLong(count + 1, version);
                    ps.setString(count + 2, actor);
                    ps.setString(count + 3, at.toString());
                    ps.setString(count + 4, tenantId.value());
                    ps.setString(count + 5, frequencyId.value());
                });
    }

    /**
     * Changes how many subscriptions use a frequency by {@code delta} (+1 when a subscription starts
     * using it, -1 when it stops). For the subscription command handlers (issue 6), in their
     * transaction, so the count is exact. The count never goes below zero.
     */
    public void adjustFrequencyUsage(TenantId tenantId, FrequencyId frequencyId, int delta) {
        int changed = update("update frequency_directory set in_use = in_use + ?"
                        + " where tenant_id = ? and frequency_id = ? and in_use + ? >= 0",
                ps -> {
                    ps.setInt(1, delta);
                    ps.setString(2, tenantId.value());
                    ps.setString(3, frequencyId.value());
                    ps.setInt(4, delta);
                });
        if (changed == 0) {
            throw new IllegalStateException("frequency " + frequencyId + " of tenant " + tenantId
                    + " does not exist or its usage would go below zero");
        }
    }

    // ---- the distribution list (P1-P3)

    /** An entry of the distribution list with the version (sequence number) of its entry aggregate. */
    public record DistributionRow(CustomerNumber customerNumber, String email, long version) {
    }

    private static final String DISTRIBUTION_COLUMNS = "customer_number, email, version";

    public Optional<DistributionRow> distributionEntry(TenantId tenantId, CustomerNumber number) {
        return queryOne("select " + DISTRIBUTION_COLUMNS + " from distribution_list where tenant_id = ? and customer_number = ?",
                ps -> {
                    ps.setString(1, tenantId.value());
                    ps.setString(2, number.value());
                },
                Directory::distributionRow);
    }

    /**
     * A page of the list ordered by customer number, after {@code afterNumber} (exclusive; null for the
     * first page). Ordered by the whole primary key, so that H2 reads the index in order instead of sorting. {@code query}, when not null, keeps the entries whose email or customer number contains
     * it, ignoring case.
     */
    public List<DistributionRow> distributionList(TenantId tenantId, String query, String afterNumber, int limit) {
        String filter = query == null ? "" : " and (email_folded like ? escape '!' or number_folded like ? escape '!')";
        return queryList("select " + DISTRIBUTION_COLUMNS + " from distribution_list where tenant_id = ? and customer_number > ?"
                        + filter + " order by tenant_id, customer_number limit ?",
                ps -> {
                    int i = 1;
                    ps.setString(i++, tenantId.value());
                    ps.setString(i++, afterNumber == null ? "" : afterNumber);
                    if (query != null) {
                        String pattern = "%" + likeEscaped(fold(query)) + "%";
                        ps.setString(i++, pattern);
                        ps.setString(i++, pattern);
                    }
                    ps.setInt(i, limit);
                },
                Directory::distributionRow);
    }

    /** The whole list ordered by customer number (export, import). */
    public List<DistributionRow> distributionList(TenantId tenantId) {
        return queryList("select " + DISTRIBUTION_COLUMNS + " from distribution_list where tenant_id = ? order by tenant_id, customer_number",
                ps -> ps.setString(1, tenantId.value()), Directory::distributionRow);
    }

    private static DistributionRow distributionRow(ResultSet rs) throws SQLException {
        return new DistributionRow(new CustomerNumber(rs.getString(1)), rs.getString(2), rs.getLong(3));
    }

    void upsertDistributionEntry(TenantId tenantId, CustomerNumber number, long version, String email) {
        int changed = update("update distribution_list set version = ?, email = ?, email_folded = ?"
                        + " where tenant_id = ? and customer_number = ?",
                ps -> {
                    ps.setLong(1, version);
                    ps.setString(2, email);
                    ps.setString(3, fold(email));
                    ps.setString(4, tenantId.value());
                    ps.setString(5, number.value());
                });
        if (changed == 0) {
            update("insert into distribution_list (tenant_id, customer_number, number_folded, version, email, email_folded)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, tenantId.value());
                        ps.setString(2, number.value());
                        ps.setString(3, fold(number.value()));
                        ps.setLong(4, version);
                        ps.setString(5, email);
                        ps.setString(6, fold(email));
                    });
        }
    }

    void deleteDistributionEntry(TenantId tenantId, CustomerNumber number) {
        update("delete from distribution_list where tenant_id = ? and customer_number = ?", ps -> {
            ps.setString(1, tenantId.value());
            ps.setString(2, number.value());
        });
    }

    /** Lower case by Java's rules in every database, so search ignores case the same way on H2 and PostgreSQL. */
    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** {@code text} as a literal in a LIKE pattern with escape character {@code !}. */
    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A row with the version (sequence number) of the aggregate event it reflects. */
    public record Versioned<T>(long version, T value) {
    }

    // ---- API keys

    /** Stores a key's hash. Called by the command handler that creates the user, in its transaction. */
    public void storeApiKey(String keyHash, TenantId tenantId, UserId userId, Set<Role> roles) {
        update("insert into api_key (key_hash, tenant_id, user_id, roles) values (?, ?, ?, ?)", ps -> {
            ps.setString(1, keyHash);
            ps.setString(2, tenantId.value());
            ps.setString(3, userId.value());
            ps.setString(4, roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        });
    }

    public Optional<Principal> principalForKeyHash(String keyHash) {
        return queryOne("select tenant_id, user_id, roles from api_key where key_hash = ?",
                ps -> ps.setString(1, keyHash),
                rs -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    Arrays.stream(rs.getString(3).split(",")).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
                    return new Principal(new TenantId(rs.getString(1)), new UserId(rs.getString(2)), Set.copyOf(roles));
                });
    }

    // ---- plumbing

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> queryOne(String sql, Binder binder, Mapper<T> mapper) {
        List<T> rows = queryList(sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> queryList(String sql, Binder binder, Mapper<T> mapper) {
        try (Connection c = connections.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("directory query failed", e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection c = connections.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("directory update failed", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
