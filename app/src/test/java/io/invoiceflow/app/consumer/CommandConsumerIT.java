package io.invoiceflow.app.consumer;

import io.invoiceflow.app.kafka.EmbeddedBrokerTestBase;
import io.invoiceflow.app.kafka.EmbeddedKafkaBroker;
import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.commands.consumer.CommandConsumer;
import io.invoiceflow.commands.consumer.CommandRecords;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.customer.ChangeCustomer;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.DomainEventMessage;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The command consumer against a real broker and a real write side: what the stream processors rely on. */
class CommandConsumerIT extends EmbeddedBrokerTestBase {
    private static final CommandRecords ACCEPTED = new CommandRecords(List.of(RegisterCustomer.class));
    private WriteSide writeSide;
    private Producer<String, byte[]> producer;

    @BeforeEach
    void start() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:consumer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        writeSide = WriteSide.start(ds, WriteSideSettings.defaults("consumer-it"), Clock.systemUTC(), null);
        producer = producer();
    }

    @AfterEach
    void stop() {
        producer.close();
        writeSide.close();
    }

    @Test
    void shouldHandleEachCommandOnceAndCommit_whenRefusalsRepeatsAndForeignRecordsAreMixedIn() throws Exception {
        // given a tenant, and commands as a stream processor sends them: a refused one, a repeat and a
        // foreign record among them (commands of different aggregates have no order between them)
        TenantId tenant = TenantId.random();
        TenantId unknown = TenantId.random();
        writeSide.send(TestTenants.createTenant(tenant), new CommandContext("admin", "setup", tenant.value()));
        RegisterCustomer other = new RegisterCustomer(tenant, new CustomerNumber("20002"),
                TestTenants.registerCustomer(tenant).details());
        send(CommandRecords.record(TestTenants.registerCustomer(tenant), "c-1", tenant.value(), "system:test", "cause-1"));
        send(CommandRecords.record(TestTenants.registerCustomer(unknown), "c-2", unknown.value(), "system:test", "cause-2"));
        send(CommandRecords.record(TestTenants.registerCustomer(tenant), "c-3", tenant.value(), "system:test", "cause-3"));
        send(new ProducerRecord<>(Topics.INVOICING_COMMANDS, "x", "not a command".getBytes(StandardCharsets.UTF_8)));
        send(CommandRecords.record(other, "c-5", tenant.value(), "system:test", "cause-5"));

        // when
        try (CommandConsumer consumer = CommandConsumer.start(broker.bootstrapServers(),
                EmbeddedKafkaBroker.CLIENT_SESSION_TIMEOUT, writeSide, ACCEPTED, 2)) {
            // the five records sit on different partitions, read by two threads: wait for every one of them
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.handledCount() + consumer.refusedCount()
                    + consumer.duplicateCount() + consumer.unreadableCount() >= 5);

            // then the valid commands were applied, with who and why, and the others were told apart
            assertThat(consumer.handledCount()).isEqualTo(2);
            assertThat(consumer.refusedCount()).isEqualTo(1);
            assertThat(consumer.duplicateCount()).isEqualTo(1);
            assertThat(consumer.unreadableCount()).isEqualTo(1);
            assertThat(writeSide.events(TestTenants.registerCustomer(tenant).aggregateId())).hasSize(1);
            List<? extends DomainEventMessage<?>> customer = writeSide.events(other.aggregateId());
            assertThat(customer).hasSize(1);
            assertThat(customer.get(0).getMetaData()).containsEntry("actor", "system:test")
                    .containsEntry("requestId", "cause-5");
        }

        // and everything handled was committed, so a restarted consumer starts after it
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(CommandConsumer.GROUP_ID).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            assertThat(committed).isNotEmpty();
            committed.forEach((p, offset) -> assertThat(offset.offset()).as("%s", p).isEqualTo(ends.get(p).offset()));
        }
    }

    @Test
    void shouldRetryACommandThatLostItsAppendRaces_andRefuseOneNamingAStaleVersion() throws Exception {
        // given a customer, a command that will lose its append races twice (it names no version), and a
        // change naming a version the customer no longer has
        TenantId tenant = TenantId.random();
        writeSide.send(TestTenants.createTenant(tenant), new CommandContext("admin", "setup", tenant.value()));
        RegisterCustomer customer = TestTenants.registerCustomer(tenant);
        writeSide.send(customer, new CommandContext("admin", "setup", tenant.value()));
        RegisterCustomer racing = new RegisterCustomer(tenant, new CustomerNumber("20002"), customer.details());
        ChangeCustomer stale = new ChangeCustomer(tenant, customer.customerNumber(), customer.details(), 7L);
        send(CommandRecords.record(racing, "c-1", tenant.value(), "system:test", "cause-1"));
        send(CommandRecords.record(stale, "c-2", tenant.value(), "system:test", "cause-2"));
        AtomicInteger racesToLose = new AtomicInteger(2);
        AtomicInteger staleAttempts = new AtomicInteger();
        CommandConsumer.Dispatch racingWriters = (command, context) -> {
            if (command.equals(racing) && racesToLose.getAndDecrement() > 0) {
                throw new DomainException(ErrorCode.STALE_VERSION, "the resource is being changed concurrently");
            }
            if (command instanceof ChangeCustomer) {
                staleAttempts.incrementAndGet();
            }
            writeSide.send(command, context);
        };

        // when
        try (CommandConsumer consumer = CommandConsumer.start(broker.bootstrapServers(),
                EmbeddedKafkaBroker.CLIENT_SESSION_TIMEOUT, racingWriters,
                new CommandRecords(List.of(RegisterCustomer.class, ChangeCustomer.class)), 1)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.handledCount() + consumer.refusedCount() == 2);

            // then the racing command was applied after its lost races, and the stale one refused at once
            assertThat(consumer.handledCount()).isEqualTo(1);
            assertThat(consumer.refusedCount()).isEqualTo(1);
            assertThat(racesToLose.get()).as("attempts after the two lost").isEqualTo(-1);
            assertThat(writeSide.events(racing.aggregateId())).hasSize(1);
            assertThat(staleAttempts.get()).isEqualTo(1);
            assertThat(writeSide.events(customer.aggregateId())).hasSize(1);
        }
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get();
    }
}
