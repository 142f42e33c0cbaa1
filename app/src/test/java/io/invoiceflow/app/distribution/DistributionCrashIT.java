package io.invoiceflow.app.distribution;

import io.invoiceflow.app.Invoiceflow;
import io.invoiceflow.app.kafka.EmbeddedBrokerTestBase;
import io.invoiceflow.app.kafka.EmbeddedKafkaBroker;
import io.invoiceflow.app.kafka.StreamsApps;
import io.invoiceflow.app.kafka.TopicAdmin;
import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.commands.consumer.CommandConsumer;
import io.invoiceflow.commands.consumer.CommandRecords;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RequestDistribution;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.projections.Envelopes;
import io.invoiceflow.projections.EventEnvelope;
import io.invoiceflow.streams.ActingTopology;
import io.invoiceflow.streams.distribution.DistributionRecorder;
import io.invoiceflow.streams.distribution.DistributionWorkers;
import io.invoiceflow.streams.mail.MailSettings;
import io.invoiceflow.streams.recurring.SchedulerMetrics;
import io.invoiceflow.streams.recurring.SchedulerSettings;
import io.invoiceflow.streams.testing.GreenMailServer;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5: "a crash between rendered and sent repeats at most that one email, with the same
 * Message-ID" (ADR 0009), with real parts: the distribution (processor and workers) on an embedded
 * Kafka broker, the write side on an H2 event store, GreenMail as the SMTP server on loopback. The
 * fault sits at the recorder boundary ({@link FaultyRecorder}), after the SMTP server accepted the
 * email: the process dies there, or the event store fails once there.
 */
class DistributionCrashIT extends EmbeddedBrokerTestBase {
    private static final int PARTITIONS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private GreenMailServer mail;
    private Path dataDir;
    private Producer<String, byte[]> forwarder;
    private WriteSide writeSide;
    private CommandConsumer commands;
    private MailSettings mailSettings;

    @BeforeAll
    void startWriteSide(@TempDir Path dir) {
        dataDir = dir;
        mail = new GreenMailServer();
        mailSettings = MailSettings.load(Map.of("INVOICEFLOW_SMTP_HOST", "127.0.0.1",
                "INVOICEFLOW_SMTP_PORT", String.valueOf(mail.smtpPort()),
                "INVOICEFLOW_SMTP_FROM", "Invoiceflow <noreply@invoiceflow.example>",
                "INVOICEFLOW_SMTP_ENCRYPTION", "NONE"));
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:file:" + dir.resolve("eventstore") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        forwarder = Invoiceflow.forwarderProducer(broker.bootstrapServers());
        writeSide = WriteSide.start(store, WriteSideSettings.defaults("crash-it"), Clock.systemUTC(), forwarder);
        // the processor requests distributions through invoicing.commands, as in the app
        commands = CommandConsumer.start(broker.bootstrapServers(), EmbeddedKafkaBroker.CLIENT_SESSION_TIMEOUT, writeSide,
                new CommandRecords(List.of(RequestDistribution.class, RecordDistributionFailed.class)), 1);
        TopicAdmin.ensureTopics(broker.bootstrapServers(), StreamsApps.internalTopics(DistributionSide.APPLICATION_ID,
                ActingTopology.BY_TENANT, ActingTopology.STORES, PARTITIONS, (short) 1), Duration.ofSeconds(60));
    }

    @AfterAll
    void stopWriteSide() {
        if (commands != null) {
            commands.close();
        }
        if (writeSide != null) {
            writeSide.close();
        }
        if (forwarder != null) {
            forwarder.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void shouldSendTheSameEmailAgainOnceAndRecordItSentOnce_whenTheProcessDiesAfterTheServerAcceptedIt() throws Exception {
        // given a final invoice, and a distribution process that dies right after the SMTP server accepted its email
        FinalInvoice invoice = finalizedInvoice();
        try (Faulty first = startWithFault(invoice, FaultyRecorder.Fault.PROCESS_DIES)) {
            assertThat(first.recorder().awaitStruck(PATIENCE)).as("the first process sent the email and died").isTrue();
        }
        assertThat(received(invoice)).as("accepted before the crash").hasSize(1);
        assertThat(eventNames(invoice)).as("nothing recorded after the rendering")
                .containsExactly("DistributionRequested", "DistributionRendered");
        assertThat(jobCommitted(invoice)).as("the dead process never committed the job").isFalse();

        // when the installation is started again and its workers pick up the job
        try (DistributionSide restarted = start(UnaryOperator.identity())) {
            await().atMost(PATIENCE).until(() -> jobCommitted(invoice));
            assertThat(restarted.workers().handledCount()).as("handled by the restarted workers").isPositive();
        }

        // then the email went out twice at most: the same email, same Message-ID, and it is recorded sent once
        assertSentOnceAsTheSameEmail(invoice, 2);
    }

    @Test
    void shouldSendTheSameEmailAgainOnceAndRecordItSentOnce_whenRecordingSentFailsOnce() throws Exception {
        // given a final invoice, and an event store that does not answer the first time "sent" is recorded
        FinalInvoice invoice = finalizedInvoice();

        // when the worker handles the job (and, failing, retries it in place)
        try (Faulty side = startWithFault(invoice, FaultyRecorder.Fault.RECORDING_FAILS)) {
            assertThat(side.recorder().awaitStruck(PATIENCE)).isTrue();
            await().atMost(PATIENCE).until(() -> jobCommitted(invoice));
        }

        // then the repeat is the same email, and it is recorded sent once
        assertSentOnceAsTheSameEmail(invoice, 2);
    }

    @Test
    void shouldNotSendAgain_whenSentWasRecordedButTheAnswerWasLost() throws Exception {
        // given a final invoice, and a worker that does not learn that "sent" was recorded
        FinalInvoice invoice = finalizedInvoice();

        // when the worker handles the job (and, failing, retries it in place)
        try (Faulty side = startWithFault(invoice, FaultyRecorder.Fault.ANSWER_LOST)) {
            assertThat(side.recorder().awaitStruck(PATIENCE)).isTrue();
            await().atMost(PATIENCE).until(() -> jobCommitted(invoice));
        }

        // then the write side refused the repeat at "rendered": one email, recorded sent once
        assertSentOnceAsTheSameEmail(invoice, 1);
    }

    /** The distribution's events on invoicing.events and the emails GreenMail received for it. */
    private void assertSentOnceAsTheSameEmail(FinalInvoice invoice, int copies) throws Exception {
        List<EventEnvelope> events = events(invoice);
        assertThat(events).extracting(EventEnvelope::eventName)
                .containsExactly("DistributionRequested", "DistributionRendered", "DistributionSent");
        DistributionRendered rendered = (DistributionRendered) events.get(1).payload();
        DistributionSent sent = (DistributionSent) events.get(2).payload();
        assertThat(rendered.attempt()).isEqualTo(1);
        assertThat(sent.attempt()).isEqualTo(1);
        assertThat(sent.messageId()).isEqualTo(rendered.messageId());

        List<MimeMessage> emails = received(invoice);
        assertThat(emails).hasSize(copies);
        assertThat(emails).extracting(Mails::messageId).containsOnly(rendered.messageId());
        assertThat(emails).extracting(Mails::subject).containsOnly(Mails.subject(emails.get(0)));
        for (MimeMessage email : emails) {
            List<byte[]> pdfs = Mails.parts(email, "application/pdf");
            assertThat(pdfs).hasSize(1);
            assertThat(sha256(pdfs.get(0))).isEqualTo(rendered.pdfSha256());
        }
    }

    /** A tenant, its customer (with an address of its own) and a final invoice: the processor requests its distribution. */
    private FinalInvoice finalizedInvoice() {
        TenantId tenant = TenantId.random();
        String recipient = "kari-" + UUID.randomUUID().toString().substring(0, 8) + "@bryggen.example";
        CommandContext setup = new CommandContext("admin", "setup-" + tenant.value(), tenant.value());
        writeSide.send(TestTenants.createTenant(tenant), setup);
        CustomerDetails details = TestTenants.registerCustomer(tenant).details();
        writeSide.send(new RegisterCustomer(tenant, TestTenants.CUSTOMER, new CustomerDetails(details.name(),
                details.organisationNumber(), details.invoiceLanguage(), details.email(), details.billingAddress(),
                List.of(new Contact("Kari Nordmann", recipient, null)))), setup);
        InvoiceId invoice = InvoiceId.random();
        writeSide.send(new CreateInvoice(invoice, tenant, TestTenants.draft()), setup);
        writeSide.send(new FinalizeInvoice(invoice, tenant, null), setup);
        return new FinalInvoice(DistributionId.forFinalized(invoice), recipient);
    }

    private record FinalInvoice(DistributionId distribution, String recipient) {
    }

    /** The distribution as the app runs it, with {@code fault} at its recorder for the invoice's distribution. */
    private Faulty startWithFault(FinalInvoice invoice, FaultyRecorder.Fault fault) {
        AtomicReference<FaultyRecorder> recorder = new AtomicReference<>();
        DistributionSide side = start(writeSideRecorder -> {
            recorder.set(new FaultyRecorder(writeSideRecorder, invoice.distribution(), fault));
            return recorder.get();
        });
        return new Faulty(side, recorder.get());
    }

    private record Faulty(DistributionSide side, FaultyRecorder recorder) implements AutoCloseable {
        @Override
        public void close() {
            side.close();
        }
    }

    private DistributionSide start(UnaryOperator<DistributionRecorder> recorders) {
        Properties streams = StreamsApps.config(DistributionSide.APPLICATION_ID, broker.bootstrapServers(),
                dataDir.resolve("streams"), null, 1, EmbeddedKafkaBroker.CLIENT_SESSION_TIMEOUT);
        return DistributionSide.start(streams, broker.bootstrapServers(), EmbeddedKafkaBroker.CLIENT_SESSION_TIMEOUT,
                writeSide, mailSettings, Optional.empty(),
                dataDir, "http://localhost:8080", Clock.systemUTC(), SchedulerSettings.defaults(), new SchedulerMetrics(),
                recorders);
    }

    /** Whether the distribution workers committed the invoice's job: it was handled to the end. */
    private boolean jobCommitted(FinalInvoice invoice) throws Exception {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> jobs = read(Topics.DISTRIBUTION_JOBS, config).stream()
                .filter(r -> invoice.distribution().value().equals(r.key())).toList();
        assertThat(jobs).as("the one job of distribution %s", invoice.distribution()).hasSize(1);
        TopicPartition partition = new TopicPartition(jobs.get(0).topic(), jobs.get(0).partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(DistributionWorkers.GROUP_ID)
                    .partitionsToOffsetAndMetadata().get().get(partition);
            return committed != null && committed.offset() > jobs.get(0).offset();
        }
    }

    private List<MimeMessage> received(FinalInvoice invoice) throws Exception {
        return mail.fetchOverImap(invoice.recipient(), invoice.recipient());
    }

    private List<String> eventNames(FinalInvoice invoice) {
        return events(invoice).stream().map(EventEnvelope::eventName).toList();
    }

    /** The distribution's events on invoicing.events, in order: what every downstream consumer sees. */
    private List<EventEnvelope> events(FinalInvoice invoice) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return read(Topics.INVOICING_EVENTS, config).stream()
                .flatMap(r -> Envelopes.read(r.key(), r.value(), r.headers()).stream())
                .filter(e -> invoice.distribution().value().equals(e.aggregateId()))
                .toList();
    }

    /** Every record of {@code topic} up to its end now. */
    private static List<ConsumerRecord<String, byte[]>> read(String topic, Map<String, Object> config) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
