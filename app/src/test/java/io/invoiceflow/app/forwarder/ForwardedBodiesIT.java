package io.invoiceflow.app.forwarder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoiceflow.app.kafka.EmbeddedBrokerTestBase;
import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestDatabases;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forwarder publishes each event's JSON as the store holds it, without binding it to its class and
 * writing it again: byte for byte for the current revision, and in the newest shape for an event an earlier
 * revision stored (the upcaster's output). The tenant header comes from the JSON alike.
 */
class ForwardedBodiesIT extends EmbeddedBrokerTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldPublishTheStoredJson_whenEventsAreForwarded(TestDatabases.Kind kind) throws Exception {
        DataSource dataSource = TestDatabases.create(kind);
        WriteSideSettings settings = WriteSideSettings.defaults("test");
        TenantId tenant = TenantId.random();
        InvoiceId invoice = InvoiceId.random();
        String oldRevisionId = UUID.randomUUID().toString();
        String oldAggregate = UUID.randomUUID().toString();
        String oldPayload = "{\"cc\":[],\"distributionId\":\"" + oldAggregate + "\",\"invoiceId\":\"" + invoice.value()
                + "\",\"tenantId\":\"" + tenant.value() + "\",\"to\":[\"post@kunde.no\"],\"trigger\":\"SEND\"}";

        // given a tenant, a customer and a finalized invoice of five events, and a revision 1 distribution request
        try (WriteSide offline = WriteSide.start(dataSource, settings, Clock.systemUTC(), null)) {
            CommandContext ctx = new CommandContext("test", "bodies", tenant.value());
            offline.send(TestTenants.createTenant(tenant), ctx);
            offline.send(TestTenants.registerCustomer(tenant), ctx);
            offline.send(new CreateInvoice(invoice, tenant, TestTenants.draft()), ctx);
            offline.send(new FinalizeInvoice(invoice, tenant, null), ctx);
        }
        storeRevision1Request(dataSource, tenant, oldRevisionId, oldAggregate, oldPayload);
        Map<String, byte[]> stored = storedPayloads(dataSource, tenant, oldAggregate);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(5);

        // when the forwarder publishes them
        Map<String, ConsumerRecord<String, byte[]>> published;
        try (Producer<String, byte[]> producer = producer();
             WriteSide online = WriteSide.start(dataSource, settings, Clock.systemUTC(), producer);
             KafkaConsumer<String, byte[]> consumer = consumer()) {
            published = readUntil(consumer, stored.keySet().stream().toList());
        }

        // then each current-revision body is the stored JSON, byte for byte, with the stored tenant
        for (Map.Entry<String, byte[]> event : stored.entrySet()) {
            ConsumerRecord<String, byte[]> record = published.get(event.getKey());
            assertThat(header(record, CloudEventHeaders.TENANT)).isEqualTo(tenant.value());
            if (!event.getKey().equals(oldRevisionId)) {
                assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(event.getValue(), StandardCharsets.UTF_8));
            }
        }
        // and the revision 1 request is published in the newest shape, which the current class reads
        ConsumerRecord<String, byte[]> upcast = published.get(oldRevisionId);
        ObjectNode expected = (ObjectNode) EventJson.mapper().readTree(oldPayload);
        expected.putNull("orderId").putNull("layout");
        assertThat(EventJson.mapper().readTree(upcast.value())).isEqualTo(expected);
        // (as the upcaster left it, fields not re-sorted: the event was not read into its class and written again)
        assertThat(new String(upcast.value(), StandardCharsets.UTF_8))
                .isEqualTo(oldPayload.substring(0, oldPayload.length() - 1) + ",\"orderId\":null,\"layout\":null}");
        assertThat(EventJson.mapper().readValue(upcast.value(), DistributionRequested.class).invoiceId())
                .isEqualTo(invoice);
    }

    /** A revision 1 {@code DistributionRequested} row, its columns copied from the tenant's first event. */
    private static void storeRevision1Request(DataSource dataSource, TenantId tenant, String eventId, String aggregateId,
                                              String payload) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into domain_event_entry (event_identifier,"
                     + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,"
                     + " payload, meta_data) select ?, ?, 0, 'Distribution', time_stamp, ?, '1', ?, meta_data"
                     + " from domain_event_entry where aggregate_identifier = ? and sequence_number = 0")) {
            insert.setString(1, eventId);
            insert.setString(2, aggregateId);
            insert.setString(3, DistributionRequested.class.getName());
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(5, tenant.value());
            assertThat(insert.executeUpdate()).isEqualTo(1);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** Event id to stored payload, for the tenant's and the invoice's events and the extra aggregate's. */
    private static Map<String, byte[]> storedPayloads(DataSource dataSource, TenantId tenant, String extraAggregate)
            throws Exception {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select event_identifier, payload from domain_event_entry"
                     + " order by global_index")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String json = new String(rs.getBytes(2), StandardCharsets.UTF_8);
                    if (json.contains(tenant.value()) || json.contains(extraAggregate)) {
                        payloads.put(rs.getString(1), rs.getBytes(2));
                    }
                }
            }
        }
        return payloads;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bodies-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.INVOICING_EVENTS));
        return consumer;
    }

    private static Map<String, ConsumerRecord<String, byte[]>> readUntil(KafkaConsumer<String, byte[]> consumer,
                                                                          List<String> eventIds) {
        Map<String, ConsumerRecord<String, byte[]>> byId = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!byId.keySet().containsAll(eventIds) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                byId.put(header(record, CloudEventHeaders.ID), record);
            }
        }
        assertThat(byId.keySet()).containsAll(eventIds);
        return byId;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
