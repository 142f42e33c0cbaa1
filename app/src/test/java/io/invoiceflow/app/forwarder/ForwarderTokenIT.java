package io.invoiceflow.app.forwarder;

import io.invoiceflow.app.kafka.EmbeddedBrokerTestBase;
import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestDatabases;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.commands.forwarder.KafkaForwarder;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * FIELD-NOTES: processors default to batch size 1, and without a JDBC transaction manager their
 * token updates never commit. The forwarder catches up a backlog in batches of 100, commits its
 * token, and after a restart sends nothing twice.
 */
class ForwarderTokenIT extends EmbeddedBrokerTestBase {
    private static final int BACKLOG_INVOICES = 1_000;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldForwardABacklogInBatchesAndNeverTwice_whenTheForwarderStartsAndRestarts(TestDatabases.Kind kind)
            throws Exception {
        DataSource dataSource = TestDatabases.create(kind);
        WriteSideSettings settings = WriteSideSettings.defaults("test");
        long before = endOffsets();

        // given a backlog of 1,002 events written while no forwarder ran
        try (WriteSide offline = WriteSide.start(dataSource, settings, Clock.systemUTC(), null)) {
            TenantId tenant = TenantId.random();
            CommandContext ctx = new CommandContext("test", "backlog", tenant.value());
            offline.send(TestTenants.createTenant(tenant), ctx);
            offline.send(TestTenants.registerCustomer(tenant), ctx);
            for (int i = 0; i < BACKLOG_INVOICES; i++) {
                offline.send(new CreateInvoice(InvoiceId.random(), tenant, TestTenants.draft()), ctx);
            }
        }
        long stored = BACKLOG_INVOICES + 2;

        // when the forwarder starts, it catches up in batches of up to 100
        try (Producer<String, byte[]> producer = producer();
             WriteSide online = WriteSide.start(dataSource, settings, Clock.systemUTC(), producer)) {
            KafkaForwarder forwarder = online.kafkaForwarder().orElseThrow();
            await().atMost(Duration.ofSeconds(60)).until(() -> forwarder.eventsForwarded() >= stored);
            assertThat(forwarder.eventsForwarded()).isEqualTo(stored);
            assertThat(forwarder.batchesForwarded()).isLessThanOrEqualTo(stored / 100 + 2);
        }
        assertThat(endOffsets() - before).isEqualTo(stored);

        // then its token is committed in the database
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select token from token_entry where processor_name = '"
                     + KafkaForwarder.PROCESSING_GROUP + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).isNotNull();
        }

        // and after a restart nothing is sent again
        try (Producer<String, byte[]> producer = producer();
             WriteSide restarted = WriteSide.start(dataSource, settings, Clock.systemUTC(), producer)) {
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> restarted.forwarder().orElseThrow().isRunning());
            assertThat(restarted.kafkaForwarder().orElseThrow().eventsForwarded()).isZero();
        }
        assertThat(endOffsets() - before).isEqualTo(stored);
    }

    private long endOffsets() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            int partitions = admin.describeTopics(java.util.List.of(Topics.INVOICING_EVENTS)).allTopicNames().get()
                    .get(Topics.INVOICING_EVENTS).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(Topics.INVOICING_EVENTS, p))
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }
}
