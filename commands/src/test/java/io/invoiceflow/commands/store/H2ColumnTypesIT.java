package io.invoiceflow.commands.store;

import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestDatabases;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.TenantCreated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0260: an H2 store keeps events, their metadata and tokens inline ({@code varbinary}); a store created
 * with {@code blob} columns before that keeps them and works as before.
 */
class H2ColumnTypesIT {
    private static final String BLOB = "BINARY LARGE OBJECT";
    private static final String VARBINARY = "BINARY VARYING";
    private static final WriteSideSettings SETTINGS = WriteSideSettings.defaults("test");

    @TempDir
    Path dir;

    @Test
    void shouldKeepEventsAndTokensInline_andDocumentsAsBlobs_whenTheStoreIsNew() throws Exception {
        // given a new file store
        DataSource store = TestDatabases.h2File(dir.resolve("eventstore"));

        // when the write side creates its schema
        WriteSide.start(store, SETTINGS, Clock.systemUTC(), null).close();

        // then
        Map<String, String> types = columnTypes(store);
        assertThat(types).containsEntry("DOMAIN_EVENT_ENTRY.PAYLOAD", VARBINARY)
                .containsEntry("DOMAIN_EVENT_ENTRY.META_DATA", VARBINARY)
                .containsEntry("SNAPSHOT_EVENT_ENTRY.PAYLOAD", VARBINARY)
                .containsEntry("SNAPSHOT_EVENT_ENTRY.META_DATA", VARBINARY)
                .containsEntry("TOKEN_ENTRY.TOKEN", VARBINARY)
                .containsEntry("DOCUMENT_CONTENT.CONTENT", BLOB);
    }

    @Test
    void shouldReadAndWriteAsBefore_whenTheStoreWasCreatedWithBlobColumns() throws Exception {
        // given a store whose tables were created with the earlier types
        DataSource store = TestDatabases.h2File(dir.resolve("eventstore"));
        try (Connection c = store.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : Schema.statements(Dialect.H2)) {
                s.execute(ddl.replace(Dialect.H2.eventBinaryType, "blob"));
            }
        }
        assertThat(columnTypes(store)).containsEntry("DOMAIN_EVENT_ENTRY.PAYLOAD", BLOB)
                .containsEntry("TOKEN_ENTRY.TOKEN", BLOB);
        TenantId tenant = TenantId.random();
        CommandContext context = new CommandContext("user-1", "req-1", tenant.value());

        // when a write side writes to it (a tenant's first event is larger than H2 keeps inside a row)
        try (WriteSide writeSide = WriteSide.start(store, SETTINGS, Clock.systemUTC(), null)) {
            writeSide.send(TestTenants.createTenant(tenant), context);
        }

        // then another write side on the same file reads it back from the store, and the columns are as they were
        try (WriteSide writeSide = WriteSide.start(store, SETTINGS, Clock.systemUTC(), null)) {
            List<? extends DomainEventMessage<?>> events = writeSide.axon().eventStore().readEvents(tenant.value())
                    .asStream().toList();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getPayload()).isInstanceOfSatisfying(TenantCreated.class,
                    created -> assertThat(created.profile()).isEqualTo(TestTenants.norwegianProfile()));
            assertThat(events.get(0).getMetaData()).containsEntry("actor", "user-1");
        }
        assertThat(columnTypes(store)).containsEntry("DOMAIN_EVENT_ENTRY.PAYLOAD", BLOB);
        try (Connection c = store.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select octet_length(payload) from domain_event_entry")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isGreaterThan(256);
        }
    }

    private static Map<String, String> columnTypes(DataSource store) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (Connection c = store.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name, column_name, data_type from information_schema.columns"
                     + " where table_schema = 'PUBLIC'")) {
            while (rs.next()) {
                types.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
            }
        }
        return types;
    }
}
