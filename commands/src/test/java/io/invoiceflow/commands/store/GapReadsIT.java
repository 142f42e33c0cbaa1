package io.invoiceflow.commands.store;

import io.invoiceflow.commands.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The forwarder's read while its token has gaps: the right events, in order, without a walk of the whole store. */
class GapReadsIT {
    private static final int EVENTS = 2_000;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldReadTheEventsAfterTheIndexAndInTheGaps_inGlobalOrder(TestDatabases.Kind kind) throws SQLException {
        // given a store whose indexes 995 and 998 committed late, and a token at 1,000 with them as gaps
        DataSource db = TestDatabases.create(kind);
        Schema.create(db, kind == TestDatabases.Kind.H2 ? Dialect.H2 : Dialect.POSTGRESQL);
        try (Connection c = db.getConnection()) {
            insertEvents(c);

            // when
            List<Long> read = new ArrayList<>();
            try (PreparedStatement statement = EventStorage.readEventDataWithGaps(c, Schema.EVENTS, 1_000, 5,
                    List.of(995L, 998L)); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    read.add(rows.getLong("global_index"));
                    assertThat(rows.getString("aggregate_identifier")).isEqualTo("a-" + rows.getLong("global_index"));
                }
            }

            // then
            assertThat(read).containsExactly(995L, 998L, 1001L, 1002L, 1003L, 1004L, 1005L);
        }
    }

    @Test
    void shouldLookUpOnlyTheRowsItReads_onH2() throws SQLException {
        // given
        DataSource db = TestDatabases.h2InMemory();
        Schema.create(db, Dialect.H2);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            insertEvents(c);
            String sql;
            try (PreparedStatement statement = EventStorage.readEventDataWithGaps(c, Schema.EVENTS, 1_000, 5,
                    List.of(995L, 998L))) {
                sql = statement.toString();
            }

            // when H2 runs the read with its parameters filled in
            String query = sql.substring(sql.indexOf(": ") + 2, sql.indexOf(" {"))
                    .replaceFirst("\\?", "1000").replaceFirst("\\?", "1005")
                    .replaceFirst("\\?", "995").replaceFirst("\\?", "998");
            String plan;
            try (ResultSet r = s.executeQuery("explain analyze " + query)) {
                r.next();
                plan = r.getString(1);
            }

            // then it scanned a handful of rows, not the store (Axon's default "range or in" scans all 2,000)
            Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
            long rows = 0;
            while (scanned.find()) {
                rows += Long.parseLong(scanned.group(1));
            }
            assertThat(rows).as(plan).isPositive().isLessThan(20);
        }
    }

    private static void insertEvents(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into domain_event_entry (global_index,"
                + " event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload)"
                + " values (?, ?, ?, 0, 'Invoice', '2026-11-30T06:15:00Z', 'x', ?)")) {
            for (long i = 1; i <= EVENTS; i++) {
                insert.setLong(1, i);
                insert.setString(2, "e-" + i);
                insert.setString(3, "a-" + i);
                insert.setBytes(4, new byte[]{1});
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
