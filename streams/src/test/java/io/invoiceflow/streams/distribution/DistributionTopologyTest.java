package io.invoiceflow.streams.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.order.OrderCreated;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.projections.Feed;
import io.invoiceflow.projections.ViewJson;
import io.invoiceflow.streams.MovableClock;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The distribution's decisions with wall-clock punctuation advanced by hand. */
class DistributionTopologyTest {
    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
    private static final TenantId TENANT = new TenantId("3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b13");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final TenantProfile PROFILE = new TenantProfile("Fjordlys Konsult AS", "987654325",
            new Address("Storgata 12", "0155", "Oslo", "NO"), "NOK", "Europe/Oslo", "nb", new NumberSeries("INV-", 1001),
            new NumberSeries("CN-", 1001), "faktura@fjordlys.no");

    private final Feed feed = new Feed(START.minus(Duration.ofHours(1)));
    private final MovableClock clock = new MovableClock(START);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, byte[]> commands;
    private TestOutputTopic<String, byte[]> jobs;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        DistributionTopology.build(builder, Stores::inMemoryKeyValueStore, clock,
                Duration.ofSeconds(1));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "distribution-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props, START);
        events = driver.createInputTopic(Topics.INVOICING_EVENTS, new StringSerializer(), new ByteArraySerializer());
        commands = driver.createOutputTopic(Topics.INVOICING_COMMANDS, new StringDeserializer(), new ByteArrayDeserializer());
        jobs = driver.createOutputTopic(Topics.DISTRIBUTION_JOBS, new StringDeserializer(), new ByteArrayDeserializer());
        events.pipeInput(feed.event(TENANT.value(), new TenantCreated(TENANT, PROFILE), "admin"));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldRequestTheDistributionOnce_whenAnInvoiceIsFinalized() {
        // given
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));

        // when the finalization is delivered again (at-least-once)
        events.pipeInput(feed.sent().get(feed.sent().size() - 1));

        // then one request, with the id derived from the invoice, from the distribution
        List<TestRecord<String, byte[]>> sent = commands.readRecordsToList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).key()).isEqualTo(DistributionId.forFinalized(invoice).value());
        assertThat(header(sent.get(0), CloudEventHeaders.TYPE)).isEqualTo("io.invoiceflow.command.RequestDistribution");
        assertThat(header(sent.get(0), CloudEventHeaders.ACTOR)).isEqualTo("system:distribution");
        JsonNode body = ViewJson.read(sent.get(0).value(), JsonNode.class);
        assertThat(body.path("trigger").asText()).isEqualTo("FINALIZED");
        assertThat(body.path("invoiceId").asText()).isEqualTo(invoice.value());
    }

    @Test
    void shouldStampItsRecordsWithKafkasWallClock_whenTheInstallationsClockRunsAhead() {
        // given a final invoice and its distribution, recorded by an installation whose clock was moved a
        // day ahead of the real time (development mode): a broker refuses records stamped more than an
        // hour ahead (Kafka 4's log.message.timestamp.after.max.ms)
        Feed ahead = new Feed(START.plus(Duration.ofDays(1)).minus(Duration.ofHours(1)));
        clock.set(START.plus(Duration.ofDays(1)));
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(ahead, invoice, contacts("kari@kunde.no"), InvoiceOrigin.Kind.SCRATCH, "INV-1001");
        DistributionId distribution = DistributionId.random();
        events.pipeInput(ahead.event(distribution.value(), new DistributionRequested(distribution, TENANT, invoice,
                DistributionTrigger.FINALIZED, List.of(), List.of()), "user-1"));

        // when the punctuator hands out the job
        advance(Duration.ofSeconds(1));

        // then the request and the job are stamped with Kafka's wall-clock time, not the installation's
        List<TestRecord<String, byte[]>> requests = commands.readRecordsToList();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).timestamp()).isEqualTo(START.toEpochMilli());
        List<TestRecord<String, byte[]>> handedOut = jobs.readRecordsToList();
        assertThat(handedOut).hasSize(1);
        assertThat(handedOut.get(0).timestamp()).isEqualTo(START.plusSeconds(1).toEpochMilli());
    }

    @Test
    void shouldSendToTheFirstContactWithTheOthersInCc_whenTheCustomerIsNotOnTheList() {
        // given
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no", "ola@kunde.no"));
        DistributionId distribution = requested(invoice, List.of());

        // when the punctuator runs
        assertThat(jobs.isEmpty()).isTrue();
        advance(Duration.ofSeconds(1));

        // then one job, routed, with the invoice as it stands
        DistributionJob job = onlyJob();
        assertThat(job.kind()).isEqualTo(DistributionJob.INVOICE);
        assertThat(job.distributionId()).isEqualTo(distribution.value());
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.to()).containsExactly("kari@kunde.no");
        assertThat(job.cc()).containsExactly("ola@kunde.no");
        assertThat(job.language()).isEqualTo("nb");
        assertThat(job.invoice().number()).isEqualTo("INV-1001");
        assertThat(job.numberSequence()).isEqualTo(1001);
        assertThat(job.supplier().name()).isEqualTo("Fjordlys Konsult AS");
        advance(Duration.ofSeconds(5));
        assertThat(jobs.isEmpty()).as("a job is handed out once").isTrue();
    }

    @Test
    void shouldSendToTheListEntry_whenTheCustomerNumberIsOnTheList() {
        // given the customer on the distribution list
        InvoiceId invoice = InvoiceId.random();
        events.pipeInput(feed.raw(TENANT.value() + "/distribution/10001", 0,
                "io.invoiceflow.distributionlist.DistributionEntrySet.v1", TENANT.value(), "user-1", START,
                ("{\"tenantId\":\"" + TENANT.value() + "\",\"customerNumber\":\"10001\",\"email\":\"faktura@kunde.no\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        finalInvoice(invoice, contacts("kari@kunde.no", "ola@kunde.no"));

        // when
        requested(invoice, List.of());
        advance(Duration.ofSeconds(1));

        // then the list wins over the contacts
        DistributionJob job = onlyJob();
        assertThat(job.to()).containsExactly("faktura@kunde.no");
        assertThat(job.cc()).isEmpty();
    }

    @Test
    void shouldSendToTheGivenAddress_whenAUserNamesOne() {
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));
        requested(invoice, List.of("regnskap@kunde.no"));
        advance(Duration.ofSeconds(1));
        assertThat(onlyJob().to()).containsExactly("regnskap@kunde.no");
    }

    @Test
    void shouldRecordAPermanentFailure_whenThereIsNobodyToSendTo() {
        // given an invoice without contacts (possible when imported) and no list entry
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, List.of());
        commands.readRecordsToList();
        DistributionId distribution = requested(invoice, List.of());

        // when
        advance(Duration.ofSeconds(1));

        // then
        assertThat(jobs.isEmpty()).isTrue();
        TestRecord<String, byte[]> failed = commands.readRecord();
        assertThat(failed.key()).isEqualTo(distribution.value());
        JsonNode body = ViewJson.read(failed.value(), JsonNode.class);
        assertThat(body.path("errorCode").asText()).isEqualTo("NO_RECIPIENT");
        assertThat(body.path("permanent").asBoolean()).isTrue();
    }

    @Test
    void shouldTryAgainAtTheRetryTime_whenAnAttemptFailedTemporarily() {
        // given attempt 1 handed out, then failed for a while
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));
        DistributionId distribution = requested(invoice, List.of());
        advance(Duration.ofSeconds(1));
        onlyJob();
        events.pipeInput(feed.event(distribution.value(), new DistributionFailed(distribution, TENANT, invoice, 1,
                "SMTP_TEMPORARY", "451 try later", false, START.plusSeconds(60)), "system:distribution"));

        // when / then: nothing before the retry time, attempt 2 after it
        advance(Duration.ofSeconds(30));
        assertThat(jobs.isEmpty()).isTrue();
        advance(Duration.ofSeconds(30));
        assertThat(onlyJob().attempt()).isEqualTo(2);
    }

    @Test
    void shouldHandNothingOut_whenTheDistributionIsDoneBeforeItIsDue() {
        // given a request and its sending seen before the punctuator ran (a replay of the topic)
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));
        DistributionId distribution = requested(invoice, List.of());
        events.pipeInput(feed.event(distribution.value(), new DistributionSent(distribution, TENANT, invoice, 1,
                "<m@x>", "250 Ok", List.of()), "system:distribution"));

        // when
        advance(Duration.ofSeconds(5));

        // then
        assertThat(jobs.isEmpty()).isTrue();
    }

    @Test
    void shouldWaitForTheInvoice_whenTheRequestArrivesBeforeTheFinalization() {
        // given a request whose invoice this partition has not seen final yet
        InvoiceId invoice = InvoiceId.random();
        DistributionId distribution = DistributionId.forFinalized(invoice);
        events.pipeInput(feed.event(distribution.value(), new DistributionRequested(distribution, TENANT, invoice,
                DistributionTrigger.FINALIZED, List.of(), List.of()), "system:distribution"));
        advance(Duration.ofSeconds(2));
        assertThat(jobs.isEmpty()).isTrue();

        // when the invoice arrives
        finalInvoice(invoice, contacts("kari@kunde.no"));
        advance(Duration.ofSeconds(2));

        // then
        assertThat(onlyJob().distributionId()).isEqualTo(distribution.value());
    }

    @Test
    void shouldTellTheTenantOnce_whenAnEmailBounces() {
        // given a sent invoice
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));
        DistributionId distribution = requested(invoice, List.of());
        advance(Duration.ofSeconds(1));
        onlyJob();
        events.pipeInput(feed.event(distribution.value(), new DistributionSent(distribution, TENANT, invoice, 1,
                "<m@x>", "250 Ok", List.of()), "system:distribution"));

        // when a delivery status notification arrives, twice (read twice from the mailbox)
        TestRecord<String, byte[]> bounce = feed.event(distribution.value(), new DistributionBounced(distribution,
                TENANT, invoice, "kari@kunde.no", "DSN", "5.1.1", "user unknown"), "system:bounces");
        events.pipeInput(bounce);
        events.pipeInput(bounce);

        // then one notice to the tenant's notification address
        DistributionJob notice = onlyJob();
        assertThat(notice.kind()).isEqualTo(DistributionJob.UNDELIVERED_NOTICE);
        assertThat(notice.to()).containsExactly("faktura@fjordlys.no");
        assertThat(notice.notice()).contains("kari@kunde.no").contains("5.1.1");
    }


    @Test
    void shouldSummarizeTheDaysRecurringInvoicesOnce_whenTheirSendingHasSettled() {
        // given two recurring invoices and a manual one, requested automatically
        InvoiceId first = InvoiceId.random();
        InvoiceId second = InvoiceId.random();
        InvoiceId manual = InvoiceId.random();
        finalInvoice(first, contacts("kari@kunde.no"), InvoiceOrigin.Kind.RECURRING, "INV-1001");
        finalInvoice(second, contacts(), InvoiceOrigin.Kind.RECURRING, "INV-1002");
        finalInvoice(manual, contacts("ola@kunde.no"), InvoiceOrigin.Kind.SCRATCH, "INV-1003");
        DistributionId sent = requested(first, List.of());
        DistributionId failed = requested(second, List.of());
        requested(manual, List.of());

        // when the first is sent and the second fails for want of a recipient
        advance(Duration.ofSeconds(1));
        List<DistributionJob> handedOut = jobs.readRecordsToList().stream()
                .map(r -> ViewJson.read(r.value(), DistributionJob.class)).toList();
        assertThat(handedOut).extracting(DistributionJob::invoiceId).containsExactlyInAnyOrder(first.value(),
                manual.value());
        events.pipeInput(feed.event(sent.value(), new DistributionRendered(sent, TENANT, first, 1, "EMAIL",
                List.of("kari@kunde.no"), List.of(), "system", "nb", "built-in:nb", "classic", "ab".repeat(32), 1000,
                "<m1@x>"), "system:distribution"));
        events.pipeInput(feed.event(sent.value(), new DistributionSent(sent, TENANT, first, 1, "<m1@x>", "250 Ok",
                List.of()), "system:distribution"));
        events.pipeInput(feed.event(failed.value(), new DistributionFailed(failed, TENANT, second, 1, "NO_RECIPIENT",
                "no address", true, null), "system:distribution"));

        // then the failure is told at once (P7), the summary comes after five quiet minutes
        assertThat(onlyJob().kind()).isEqualTo(DistributionJob.UNDELIVERED_NOTICE);
        advance(Duration.ofMinutes(4));
        assertThat(jobs.isEmpty()).isTrue();
        advance(Duration.ofMinutes(1));
        DistributionJob summary = onlyJob();
        assertThat(summary.kind()).isEqualTo(DistributionJob.DAILY_SUMMARY);
        assertThat(summary.to()).containsExactly("faktura@fjordlys.no");
        assertThat(summary.summary().day()).isEqualTo(DAY);
        assertThat(summary.summary().sent()).isEqualTo(1);
        assertThat(summary.summary().failed()).isEqualTo(1);
        assertThat(summary.summary().lines()).extracting(SummaryLine::number).containsExactly("INV-1002", "INV-1001");
        assertThat(summary.summary().lines().get(1).recipients()).containsExactly("kari@kunde.no");
        assertThat(summary.summary().lines().get(0).detail()).startsWith("NO_RECIPIENT");
        advance(Duration.ofHours(3));
        assertThat(jobs.isEmpty()).as("one summary per day").isTrue();
    }

    @Test
    void shouldListWhatIsStillRetried_whenTheDayIsOverBeforeItSettled() {
        // given a recurring invoice whose sending keeps failing temporarily
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"), InvoiceOrigin.Kind.RECURRING, "INV-1001");
        DistributionId distribution = requested(invoice, List.of());
        advance(Duration.ofSeconds(1));
        onlyJob();
        events.pipeInput(feed.event(distribution.value(), new DistributionFailed(distribution, TENANT, invoice, 1,
                "SMTP_TEMPORARY", "451 try later", false, START.plus(Duration.ofHours(20))), "system:distribution"));

        // when the day ends in Oslo (23:00 UTC)
        advance(Duration.between(clock.instant(), Instant.parse("2026-11-30T22:59:00Z")));
        assertThat(jobs.isEmpty()).isTrue();
        advance(Duration.ofMinutes(1));

        // then the summary lists it as still being sent
        DistributionJob summary = onlyJob();
        assertThat(summary.summary().pending()).isEqualTo(1);
        assertThat(summary.summary().lines().get(0).detail()).contains("SMTP_TEMPORARY");
    }

    @Test
    void shouldSendNoSummary_whenNothingWasSentAutomatically() {
        // given a manual invoice sent
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));
        DistributionId distribution = requested(invoice, List.of());
        advance(Duration.ofSeconds(1));
        onlyJob();
        events.pipeInput(feed.event(distribution.value(), new DistributionSent(distribution, TENANT, invoice, 1,
                "<m@x>", "250 Ok", List.of()), "system:distribution"));

        // when the day passes
        advance(Duration.ofHours(20));

        // then
        assertThat(jobs.isEmpty()).isTrue();
    }

    @Test
    void shouldTellTheTenantOnce_whenADistributionIsGivenUpWithoutARefusedRecipient() {
        // given an invoice whose sender account refuses the login
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));
        DistributionId distribution = requested(invoice, List.of());
        advance(Duration.ofSeconds(1));
        onlyJob();

        // when the attempt fails for good
        events.pipeInput(feed.event(distribution.value(), new DistributionFailed(distribution, TENANT, invoice, 1,
                "SMTP_AUTH_FAILED", "535 5.7.8 Authentication credentials invalid", true, null), "system:distribution"));

        // then one notice saying why
        DistributionJob notice = onlyJob();
        assertThat(notice.kind()).isEqualTo(DistributionJob.UNDELIVERED_NOTICE);
        assertThat(notice.to()).containsExactly("faktura@fjordlys.no");
        assertThat(notice.notice()).startsWith("SMTP_AUTH_FAILED: 535");
    }

    @Test
    void shouldTellTheTenantOnlyByTheBounce_whenTheRecipientWasRefused() {
        // given an invoice whose recipient the server refuses
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));
        DistributionId distribution = requested(invoice, List.of());
        advance(Duration.ofSeconds(1));
        onlyJob();

        // when the failure and the bounce it comes with are recorded
        events.pipeInput(feed.event(distribution.value(), new DistributionFailed(distribution, TENANT, invoice, 1,
                "SMTP_REJECTED_RECIPIENT", "550 5.1.1 User unknown", true, null), "system:distribution"));
        events.pipeInput(feed.event(distribution.value(), new DistributionBounced(distribution, TENANT, invoice,
                "kari@kunde.no", "SMTP", "5.1.1", "550 5.1.1 User unknown"), "system:distribution"));

        // then one notice, the bounce's
        DistributionJob notice = onlyJob();
        assertThat(notice.notice()).startsWith("kari@kunde.no (SMTP 5.1.1");
    }

    @Test
    void shouldTellNothingYet_whenAnAttemptFailsTemporarily() {
        // given
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));
        DistributionId distribution = requested(invoice, List.of());
        advance(Duration.ofSeconds(1));
        onlyJob();

        // when
        events.pipeInput(feed.event(distribution.value(), new DistributionFailed(distribution, TENANT, invoice, 1,
                "SMTP_TEMPORARY", "451 later", false, clock.instant().plusSeconds(600)), "system:distribution"));

        // then
        assertThat(jobs.isEmpty()).isTrue();
    }

    // ---- an order's confirmation (issue 5, S2)

    @Test
    void shouldHandOutTheOrderInThePickedLayout_whenAUserSendsAnOrder() {
        // given an order with two contacts, sent in the compact layout
        OrderId order = OrderId.random();
        order(order, contacts("kari@kunde.no", "ola@kunde.no"));
        DistributionId distribution = orderRequested(order, List.of(), "compact");

        // when
        advance(Duration.ofSeconds(1));

        // then one order job, routed like an invoice, with the order as it stands
        DistributionJob job = onlyJob();
        assertThat(job.kind()).isEqualTo(DistributionJob.ORDER);
        assertThat(job.distributionId()).isEqualTo(distribution.value());
        assertThat(job.invoiceId()).isNull();
        assertThat(job.invoice()).isNull();
        assertThat(job.order().orderId()).isEqualTo(order.value());
        assertThat(job.order().poNumber()).isEqualTo("PO-77");
        assertThat(job.layout()).isEqualTo("compact");
        assertThat(job.to()).containsExactly("kari@kunde.no");
        assertThat(job.cc()).containsExactly("ola@kunde.no");
        assertThat(job.language()).isEqualTo("nb");
        assertThat(job.supplier().name()).isEqualTo("Fjordlys Konsult AS");
        assertThat(commands.isEmpty()).as("an order is never sent automatically").isTrue();
    }

    @Test
    void shouldSendTheOrderToTheListEntryOrTheGivenAddresses_whenTheyExist() {
        // given the customer on the distribution list
        events.pipeInput(feed.raw(TENANT.value() + "/distribution/10001", 0,
                "io.invoiceflow.distributionlist.DistributionEntrySet.v1", TENANT.value(), "user-1", START,
                ("{\"tenantId\":\"" + TENANT.value() + "\",\"customerNumber\":\"10001\",\"email\":\"ordre@kunde.no\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        OrderId order = OrderId.random();
        order(order, contacts("kari@kunde.no"));

        // when routed, and when the user names the addresses
        orderRequested(order, List.of(), null);
        advance(Duration.ofSeconds(1));
        DistributionJob routed = onlyJob();
        orderRequested(order, List.of("innkjop@kunde.no"), null);
        advance(Duration.ofSeconds(1));
        DistributionJob given = onlyJob();

        // then
        assertThat(routed.to()).containsExactly("ordre@kunde.no");
        assertThat(routed.layout()).as("the tenant's order layout applies when rendered").isNull();
        assertThat(given.to()).containsExactly("innkjop@kunde.no");
    }

    @Test
    void shouldWaitForTheOrder_whenTheRequestArrivesBeforeTheOrder() {
        // given a request whose order has not reached this partition yet
        OrderId order = OrderId.random();
        DistributionId distribution = orderRequested(order, List.of(), null);
        advance(Duration.ofSeconds(1));
        assertThat(jobs.isEmpty()).isTrue();

        // when the order arrives
        order(order, contacts("kari@kunde.no"));
        advance(Duration.ofSeconds(1));

        // then
        assertThat(onlyJob().distributionId()).isEqualTo(distribution.value());
    }

    @Test
    void shouldRecordAPermanentFailure_whenAnOrderHasNobodyToSendTo() {
        // given an order without contacts and no list entry
        OrderId order = OrderId.random();
        order(order, List.of());
        DistributionId distribution = orderRequested(order, List.of(), null);

        // when
        advance(Duration.ofSeconds(1));

        // then no job, and the failure goes to the write side, naming the order
        assertThat(jobs.isEmpty()).isTrue();
        List<TestRecord<String, byte[]>> sent = commands.readRecordsToList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).key()).isEqualTo(distribution.value());
        JsonNode failure = ViewJson.read(sent.get(0).value(), JsonNode.class);
        assertThat(failure.path("errorCode").asText()).isEqualTo("NO_RECIPIENT");
        assertThat(failure.path("errorMessage").asText()).contains("the order has no recipient");
        assertThat(failure.path("permanent").asBoolean()).isTrue();
    }

    @Test
    void shouldTellTheTenantAboutTheOrder_whenAnOrdersEmailBounces() {
        // given a sent order
        OrderId order = OrderId.random();
        order(order, contacts("kari@kunde.no"));
        DistributionId distribution = orderRequested(order, List.of(), null);
        advance(Duration.ofSeconds(1));
        onlyJob();
        events.pipeInput(feed.event(distribution.value(), new DistributionSent(distribution, TENANT, null, order, 1,
                "<m@x>", "250 Ok", List.of()), "system:distribution"));

        // when
        events.pipeInput(feed.event(distribution.value(), new DistributionBounced(distribution, TENANT, null, order,
                "kari@kunde.no", "DSN", "5.1.1", "user unknown"), "system:bounces"));

        // then one notice, about the order
        DistributionJob notice = onlyJob();
        assertThat(notice.kind()).isEqualTo(DistributionJob.UNDELIVERED_NOTICE);
        assertThat(notice.order().orderId()).isEqualTo(order.value());
        assertThat(notice.invoice()).isNull();
        assertThat(notice.to()).containsExactly("faktura@fjordlys.no");
        assertThat(notice.notice()).contains("kari@kunde.no").contains("5.1.1");
    }

    @Test
    void shouldFailForGood_whenTheOrderNeverReachesTheDistribution() {
        // given a request for an order this processor never saw (created before it folded orders)
        OrderId order = OrderId.random();
        DistributionId distribution = orderRequested(order, List.of(), null);

        // when it has waited for the order as long as it may
        advance(Duration.ofSeconds(1));
        assertThat(commands.isEmpty()).as("still waiting").isTrue();
        advance(DistributionProcessor.ORDER_WAIT);

        // then the distribution fails for good, naming the order, and nothing is handed out
        assertThat(jobs.isEmpty()).isTrue();
        List<TestRecord<String, byte[]>> sent = commands.readRecordsToList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).key()).isEqualTo(distribution.value());
        JsonNode failure = ViewJson.read(sent.get(0).value(), JsonNode.class);
        assertThat(failure.path("errorCode").asText()).isEqualTo("ORDER_UNKNOWN");
        assertThat(failure.path("errorMessage").asText()).contains(order.value());
        assertThat(failure.path("permanent").asBoolean()).isTrue();
        advance(Duration.ofMinutes(1));
        assertThat(commands.isEmpty()).as("given up once").isTrue();
    }

    @Test
    void shouldHandOutAnInvoiceJob_whenTheRequestOnTheTopicIsRevision1() {
        // given a final invoice and a revision 1 request, published before orders could be sent
        InvoiceId invoice = InvoiceId.random();
        finalInvoice(invoice, contacts("kari@kunde.no"));
        DistributionId distribution = DistributionId.random();
        events.pipeInput(feed.raw(distribution.value(), 0, "io.invoiceflow.distribution.DistributionRequested.v1",
                TENANT.value(), "user-1", START, ("{\"cc\":[],\"distributionId\":\"" + distribution.value()
                        + "\",\"invoiceId\":\"" + invoice.value() + "\",\"tenantId\":\"" + TENANT.value()
                        + "\",\"to\":[],\"trigger\":\"SEND\"}").getBytes(StandardCharsets.UTF_8)));

        // when
        advance(Duration.ofSeconds(1));

        // then
        DistributionJob job = onlyJob();
        assertThat(job.kind()).isEqualTo(DistributionJob.INVOICE);
        assertThat(job.invoiceId()).isEqualTo(invoice.value());
        assertThat(job.to()).containsExactly("kari@kunde.no");
    }

    // ---- fixtures

    /** Moves the processor's clock and the driver's wall clock (which fires the punctuators) together. */
    private void advance(Duration step) {
        clock.advance(step);
        driver.advanceWallClockTime(step);
    }

    private static List<Contact> contacts(String... emails) {
        return java.util.Arrays.stream(emails).map(e -> new Contact(e.substring(0, e.indexOf('@')), e, null)).toList();
    }

    private void finalInvoice(InvoiceId invoice, List<Contact> contacts) {
        finalInvoice(invoice, contacts, InvoiceOrigin.Kind.SCRATCH, "INV-1001");
    }

    private void finalInvoice(InvoiceId invoice, List<Contact> contacts, InvoiceOrigin.Kind origin, String number) {
        finalInvoice(feed, invoice, contacts, origin, number);
    }

    private void finalInvoice(Feed feed, InvoiceId invoice, List<Contact> contacts, InvoiceOrigin.Kind origin,
                              String number) {
        InvoiceContent c = Feed.content("10001", "Bryggen Bakeri AS", "100.00", DAY);
        InvoiceContent content = new InvoiceContent(c.customer(), contacts, c.invoiceDate(), c.paymentTerms(),
                c.dueDate(), c.poNumber(), c.comments(), c.language(), c.locale(), c.currency(), c.lines(), c.totals());
        events.pipeInput(feed.event(invoice.value(), new InvoiceDrafted(invoice, TENANT,
                new InvoiceOrigin(origin, origin == InvoiceOrigin.Kind.SCRATCH ? null : "source"), content), "user-1"));
        events.pipeInput(feed.event(invoice.value(), new InvoiceFinalized(invoice, TENANT, number,
                Long.parseLong(number.substring(4)), DAY,
                DAY.plusDays(14), "NOK", content.totals(), START), "user-1"));
    }

    private DistributionId requested(InvoiceId invoice, List<String> to) {
        DistributionId id = DistributionId.random();
        events.pipeInput(feed.event(id.value(), new DistributionRequested(id, TENANT, invoice,
                to.isEmpty() ? DistributionTrigger.FINALIZED : DistributionTrigger.SEND, to, List.of()), "user-1"));
        return id;
    }

    private void order(OrderId order, List<Contact> contacts) {
        InvoiceContent c = Feed.content("10001", "Bryggen Bakeri AS", "100.00", DAY);
        events.pipeInput(feed.event(order.value(), new OrderCreated(order, TENANT, new OrderContent(c.customer(),
                contacts, "PO-77", null, c.language(), c.currency(), c.lines(), c.totals())), "user-1"));
    }

    private DistributionId orderRequested(OrderId order, List<String> to, String layout) {
        DistributionId id = DistributionId.random();
        events.pipeInput(feed.event(id.value(), new DistributionRequested(id, TENANT, null, order,
                DistributionTrigger.SEND, to, List.of(), layout), "user-1"));
        return id;
    }

    private DistributionJob onlyJob() {
        List<TestRecord<String, byte[]>> handedOut = jobs.readRecordsToList();
        assertThat(handedOut).hasSize(1);
        return ViewJson.read(handedOut.get(0).value(), DistributionJob.class);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
