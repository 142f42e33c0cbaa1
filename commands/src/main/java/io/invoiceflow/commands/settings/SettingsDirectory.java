package io.invoiceflow.commands.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.commands.store.Dialect;
import io.invoiceflow.commands.store.Sql;
import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.settings.ContentRef;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The write side's tables for distribution settings (ADR 0190): each tenant's settings as JSON with their version
 * ({@code distribution_settings}) and the per-customer layout rules ({@code customer_layout}), kept in step with
 * the events by {@link SettingsProjector} in the command's transaction; the sender account's sealed password
 * ({@code sender_secret}) and the content store of logos and stylesheets ({@code document_content}, keyed by
 * SHA-256, shared by every instance through the database), written by the command handlers that receive them.
 * Every method uses the calling thread's transaction when one is open.
 */
public final class SettingsDirectory {
    private final Sql sql;
    private final String insertContentSql;
    private final ObjectMapper json = EventJson.mapper();

    public SettingsDirectory(ConnectionProvider connections, Dialect dialect) {
        this.sql = new Sql(connections);
        String columns = "document_content (sha256, media_type, byte_count, content)";
        this.insertContentSql = switch (dialect) {
            case POSTGRESQL -> "insert into " + columns + " values (?, ?, ?, ?) on conflict (sha256) do nothing";
            case H2 -> "merge into " + columns + " key (sha256) values (?, ?, ?, ?)";
        };
    }

    /** A tenant's settings with the version of the aggregate event they reflect. */
    public record Versioned(long version, SettingsState state) {
    }

    /** The tenant's settings; empty until its first settings event. */
    public Optional<Versioned> settings(TenantId tenant) {
        return sql.queryOne("select version, settings_json from distribution_settings where tenant_id = ?",
                ps -> ps.setString(1, tenant.value()),
                rs -> new Versioned(rs.getLong(1), read(rs.getString(2))));
    }

    void saveSettings(TenantId tenant, long version, SettingsState state) {
        String stateJson = write(state);
        int changed = sql.update("update distribution_settings set version = ?, settings_json = ? where tenant_id = ?",
                ps -> {
                    ps.setLong(1, version);
                    ps.setString(2, stateJson);
                    ps.setString(3, tenant.value());
                });
        if (changed == 0) {
            sql.update("insert into distribution_settings (tenant_id, version, settings_json) values (?, ?, ?)", ps -> {
                ps.setString(1, tenant.value());
                ps.setLong(2, version);
                ps.setString(3, stateJson);
            });
        }
    }

    // ---- customer rules

    /** A customer's layout rule. */
    public record CustomerLayout(CustomerNumber customerNumber, String layout) {
    }

    /** The tenant's customer rules, by customer number. */
    public List<CustomerLayout> customerLayouts(TenantId tenant) {
        return sql.queryList("select customer_number, layout from customer_layout where tenant_id = ? order by customer_number",
                ps -> ps.setString(1, tenant.value()),
                rs -> new CustomerLayout(new CustomerNumber(rs.getString(1)), rs.getString(2)));
    }

    void setCustomerLayout(TenantId tenant, CustomerNumber customer, String layout) {
        int changed = sql.update("update customer_layout set layout = ? where tenant_id = ? and customer_number = ?", ps -> {
            ps.setString(1, layout);
            ps.setString(2, tenant.value());
            ps.setString(3, customer.value());
        });
        if (changed == 0) {
            sql.update("insert into customer_layout (tenant_id, customer_number, layout) values (?, ?, ?)", ps -> {
                ps.setString(1, tenant.value());
                ps.setString(2, customer.value());
                ps.setString(3, layout);
            });
        }
    }

    void removeCustomerLayout(TenantId tenant, CustomerNumber customer) {
        sql.update("delete from customer_layout where tenant_id = ? and customer_number = ?", ps -> {
            ps.setString(1, tenant.value());
            ps.setString(2, customer.value());
        });
    }

    // ---- the sender account's password

    /** The sender account's sealed password (see SecretBox in the streams module); never the plain one. */
    public Optional<String> sealedPassword(TenantId tenant) {
        return sql.queryOne("select sealed_password from sender_secret where tenant_id = ?",
                ps -> ps.setString(1, tenant.value()), rs -> rs.getString(1));
    }

    void storeSealedPassword(TenantId tenant, String sealed) {
        int changed = sql.update("update sender_secret set sealed_password = ? where tenant_id = ?", ps -> {
            ps.setString(1, sealed);
            ps.setString(2, tenant.value());
        });
        if (changed == 0) {
            sql.update("insert into sender_secret (tenant_id, sealed_password) values (?, ?)", ps -> {
                ps.setString(1, tenant.value());
                ps.setString(2, sealed);
            });
        }
    }

    void erasePassword(TenantId tenant) {
        sql.update("delete from sender_secret where tenant_id = ?", ps -> ps.setString(1, tenant.value()));
    }

    // ---- content

    /** Stores content under its SHA-256 (a second store of the same bytes changes nothing) and names it. */
    ContentRef storeContent(byte[] bytes, String mediaType) {
        String sha256 = sha256(bytes);
        sql.update(insertContentSql, ps -> {
            ps.setString(1, sha256);
            ps.setString(2, mediaType);
            ps.setLong(3, bytes.length);
            ps.setBytes(4, bytes);
        });
        return new ContentRef(sha256, mediaType, bytes.length);
    }

    /** Stored content by its SHA-256. */
    public Optional<byte[]> content(String sha256) {
        return sql.queryOne("select content from document_content where sha256 = ?", ps -> ps.setString(1, sha256),
                rs -> rs.getBytes(1));
    }

    // ---- for the distribution's query

    /** One row with everything {@link TenantDistributionSettings} needs of a tenant; empty for an unknown tenant. */
    record SendingRow(String profileJson, Long version, String settingsJson, String sealedPassword, String customerLayout) {
    }

    Optional<SendingRow> sendingRow(TenantId tenant, CustomerNumber customer) {
        return sql.queryOne("select t.profile_json, s.version, s.settings_json, p.sealed_password, c.layout"
                        + " from tenant_directory t"
                        + " left join distribution_settings s on s.tenant_id = t.tenant_id"
                        + " left join sender_secret p on p.tenant_id = t.tenant_id"
                        + " left join customer_layout c on c.tenant_id = t.tenant_id and c.customer_number = ?"
                        + " where t.tenant_id = ?",
                ps -> {
                    ps.setString(1, customer == null ? "" : customer.value());
                    ps.setString(2, tenant.value());
                },
                rs -> {
                    long version = rs.getLong(2);
                    Long known = rs.wasNull() ? null : version;
                    return new SendingRow(rs.getString(1), known, rs.getString(3), rs.getString(4), rs.getString(5));
                });
    }

    SettingsState read(String stateJson) {
        try {
            return json.readValue(stateJson, SettingsState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable settings row", e);
        }
    }

    private String write(SettingsState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
