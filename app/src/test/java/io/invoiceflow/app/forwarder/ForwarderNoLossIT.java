package io.invoiceflow.app.forwarder;

import io.invoiceflow.app.kafka.EmbeddedBrokerTestBase;
import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestDatabases;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * FIELD-NOTES, the gap pitfall: global index values commit out of order, and a tracking token
 * forgets a gap after the gap timeout. No committed event may be lost between the event store and
 * Kafka while 16 threads write and one transaction stays open longer than the gap timeout.
 */
class ForwarderNoLossIT extends EmbeddedBrokerTestBase {
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(16);
    private static final Duration MAX_TRANSACTION = Duration.ofSeconds(6);
    private static final int THREADS = 16;
    private static final int INVOICES_PER_THREAD = 60;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldForwardEveryCommittedEvent_when16ThreadsWriteAndOneTransactionOutlivesTheGapTimeout(
            TestDatabases.Kind kind) throws Exception {
        DataSource dataSource = TestDatabases.create(kind);
        WriteSideSettings settings = new WriteSideSettings(GAP_TIMEOUT, MAX_TRANSACTION, 100, "test");
        try (Producer<String, byte[]> producer = producer();
             WriteSide writeSide = WriteSide.start(dataSource, settings, Clock.systemUTC(), producer)) {
            // given a tenant with a customer
            TenantId tenant = TenantId.random();
            CommandContext ctx = new CommandContext("test", "no-loss", tenant.value());
            writeSide.send(TestTenants.createTenant(tenant), ctx);
            writeSide.send(TestTenants.registerCustomer(tenant), ctx);
            InvoiceId slowButInTime = InvoiceId.random();
            InvoiceId tooSlow = InvoiceId.random();

            // when 16 threads create invoices, one transaction stays open 2 s (within the 6 s limit)
            // and one 17 s (longer than the 16 s gap timeout)
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
            Set<Throwable> failures = ConcurrentHashMap.newKeySet();
            try {
                List<Future<?>> work = new ArrayList<>();
                work.add(pool.submit(() -> holdTransaction(writeSide, tenant, ctx, slowButInTime, Duration.ofSeconds(2), true)));
                work.add(pool.submit(() -> holdTransaction(writeSide, tenant, ctx, tooSlow, GAP_TIMEOUT.plusSeconds(1), false)));
                for (int t = 0; t < THREADS; t++) {
                    work.add(pool.submit(() -> {
                        long until = System.nanoTime() + GAP_TIMEOUT.plusSeconds(2).toNanos();
                        for (int i = 0; i < INVOICES_PER_THREAD || System.nanoTime() < until; i++) {
                            try {
                                writeSide.send(new CreateInvoice(InvoiceId.random(), tenant, TestTenants.draft()), ctx);
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(failures).isEmpty();

            // then every committed event reaches Kafka, the one that stayed open too long was never committed
            Set<String> stored = storedEventIds(dataSource);
            Set<String> published = ConcurrentHashMap.newKeySet();
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.INVOICING_EVENTS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        published.add(new String(r.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8));
                    }
                    return published.containsAll(stored);
                });
            }
            assertThat(writeSide.events(slowButInTime.value())).hasSize(1);
            assertThat(writeSide.events(tooSlow.value())).isEmpty();
            assertThat(stored).hasSizeGreaterThan(THREADS * INVOICES_PER_THREAD);
        }
    }

    private static void holdTransaction(WriteSide writeSide, TenantId tenant, CommandContext ctx, InvoiceId id,
                                        Duration hold, boolean expectCommit) {
        Transaction tx = writeSide.transactionManager().startTransaction();
        writeSide.send(new CreateInvoice(id, tenant, TestTenants.draft()), ctx);
        try {
            Thread.sleep(hold.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (expectCommit) {
            tx.commit();
        } else {
            assertThatThrownBy(tx::commit).hasMessageContaining("longer than the limit");
        }
    }

    private static Set<String> storedEventIds(DataSource dataSource) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select event_identifier from domain_event_entry")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "no-loss-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
