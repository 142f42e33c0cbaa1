package io.invoiceflow.projections.recurring;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.recurring.OccurrenceIssued;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.recurring.RecurringPaused;
import io.invoiceflow.events.recurring.RecurringResumed;
import io.invoiceflow.events.recurring.RecurringStopped;
import io.invoiceflow.events.recurring.SubscriberAdded;
import io.invoiceflow.events.recurring.SubscriberEndChanged;
import io.invoiceflow.events.recurring.SubscriberRemoved;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.projections.Feed;
import io.invoiceflow.projections.InvoiceLists;
import io.invoiceflow.projections.Progress;
import io.invoiceflow.projections.ProjectionsTopology;
import io.invoiceflow.projections.ReadStores;
import io.invoiceflow.projections.ViewCache;
import io.invoiceflow.projections.ViewJson;
import io.invoiceflow.projections.history.HistoryEntry;
import io.invoiceflow.projections.list.Page;
import io.invoiceflow.recurrence.FrequencyNames;
import io.invoiceflow.recurrence.NameLanguage;
import io.invoiceflow.recurrence.RecurringSchedule;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The read side of recurring invoices and subscriptions (R5) through the projections topology: the
 * view, its customers and produced invoices are folded from the events, and the queries add the next
 * occurrences from today and each invoice's distribution status.
 */
class RecurringProjectionTest {
    private static final Instant START = Instant.parse("2027-01-20T08:00:00Z");
    private static final TenantId TENANT = new TenantId("3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b13");
    private static final RecurringId MEMBERSHIP = new RecurringId("b3d5f7a9-2c4e-4f6a-8b0d-1e3f5a7c9e2b");
    private static final RecurringId RENT = new RecurringId("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final CustomerNumber ANNA = new CustomerNumber("A-1");
    private static final CustomerNumber BO = new CustomerNumber("B-2");
    private static final LocalDate FEB = LocalDate.of(2027, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2027, 3, 1);

    @TempDir
    Path stateDir;
    private final Feed feed = new Feed(START);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        ProjectionsTopology.build(builder, Stores::persistentKeyValueStore, new InvoiceLists(), ViewCache.off(),
                new Progress(), Clock.fixed(START, ZoneOffset.UTC));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "recurring-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        input = driver.createInputTopic(Topics.INVOICING_EVENTS, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void pipe(TestRecord<String, byte[]> record) {
        input.pipeInput(record);
    }

    private KeyValueStore<String, byte[]> views() {
        return driver.getKeyValueStore(ReadStores.VIEWS);
    }

    private RecurringQueries queries(LocalDate today) {
        return new RecurringQueries(views(), TENANT.value(), today, NameLanguage.NB);
    }

    private static InvoiceContent subscriptionContent() {
        InvoiceContent c = Feed.content("x", "x", "500.00", null);
        return new InvoiceContent(null, List.of(), null, c.paymentTerms(), null, null, null, null, null, "NOK",
                c.lines(), c.totals());
    }

    /** A monthly membership from 1 February: Anna open-ended, Bo until 15 March; the February run issued. */
    private void membershipWithFebruaryIssued() {
        membership();
        februaryRun();
    }

    private void membership() {
        String id = MEMBERSHIP.value();
        pipe(feed.event(id, new RecurringCreated(MEMBERSHIP, TENANT, RecurringKind.SUBSCRIPTION, "Membership", null,
                subscriptionContent(), null, new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 1), FEB,
                FrequencyEnd.never())), "user-1"));
        pipe(feed.event(id, new SubscriberAdded(MEMBERSHIP, TENANT, ANNA, null, FEB), "user-1"));
        pipe(feed.event(id, new SubscriberAdded(MEMBERSHIP, TENANT, BO, LocalDate.of(2027, 3, 15), FEB), "user-1"));
    }

    private void februaryRun() {
        issue(MEMBERSHIP, FEB, ANNA, 1001, true);
        issue(MEMBERSHIP, FEB, BO, 1002, false);
    }

    /** The occurrence, its final invoice and, when {@code sent}, the invoice's distribution. */
    private void issue(RecurringId schedule, LocalDate date, CustomerNumber customer, long number, boolean sent) {
        InvoiceId invoice = schedule.occurrenceInvoice(customer, date);
        pipe(feed.event(schedule.value(), new OccurrenceIssued(schedule, TENANT, date, customer, invoice,
                "INV-" + number), "system:scheduler"));
        pipe(feed.event(invoice.value(), new InvoiceDrafted(invoice, TENANT,
                new InvoiceOrigin(InvoiceOrigin.Kind.RECURRING, schedule.value()),
                Feed.content(customer.value(), "Kunde", "500.00", date)), "system:scheduler"));
        pipe(feed.event(invoice.value(), new InvoiceFinalized(invoice, TENANT, "INV-" + number, number, date,
                date.plusDays(14), "NOK", Feed.content("x", "x", "500.00", null).totals(), START), "system:scheduler"));
        if (sent) {
            DistributionId distribution = DistributionId.forFinalized(invoice);
            pipe(feed.event(distribution.value(), new DistributionRequested(distribution, TENANT, invoice,
                    DistributionTrigger.FINALIZED, List.of(), List.of()), "system:distribution"));
            pipe(feed.event(distribution.value(), new DistributionSent(distribution, TENANT, invoice, 1, "<m@x>",
                    "250 Ok", List.of()), "system:distribution"));
        }
    }

    @Test
    void shouldShowTheProducedInvoicesWithDistributionStatusAndTheNextDates_whenASubscriptionRan() {
        // given the membership, read on the morning of 1 February before the run
        membership();
        List<RecurringDetails.NextOccurrence> beforeTheRun = queries(FEB).details(MEMBERSHIP.value(), "1").orElseThrow()
                .details().nextOccurrences();

        // when the run has issued February, and it is read again
        februaryRun();
        RecurringQueries.Found found = queries(FEB).details(MEMBERSHIP.value(), null).orElseThrow();

        // then
        RecurringDetails details = found.details();
        assertThat(found.version()).isEqualTo(4);
        assertThat(details.status()).isEqualTo("ACTIVE");
        assertThat(details.scheduleName()).isEqualTo(FrequencyNames.name(FrequencyPattern.monthlyOnDay(1, 1), NameLanguage.NB));
        assertThat(details.endSummary()).isEqualTo("Ingen sluttdato");
        assertThat(details.subscribers()).extracting(s -> s.customerNumber().value() + " " + s.lastDate())
                .containsExactly("A-1 null", "B-2 2027-03-15");
        assertThat(details.issuedCount()).isEqualTo(2);
        assertThat(details.lastOccurrenceDate()).isEqualTo(FEB);
        assertThat(details.invoices()).extracting(i -> i.customerNumber() + " " + i.number() + " " + i.status()
                + " " + i.distributionStatus()).containsExactly("B-2 INV-1002 FINALIZED PENDING", "A-1 INV-1001 FINALIZED SENT");
        assertThat(details.invoices().get(1).grossAmount()).isEqualByComparingTo("625.00");
        // today's occurrence is done: the next ones start in March, and Bo's end stops him after March
        assertThat(details.nextOccurrences()).extracting(o -> o.date() + " " + o.customerNumbers())
                .startsWith("2027-03-01 [A-1, B-2]", "2027-04-01 [A-1]").hasSize(RecurringQueries.DEFAULT_NEXT);
        assertThat(beforeTheRun).extracting(o -> o.date() + " " + o.customerNumbers())
                .containsExactly("2027-02-01 [A-1, B-2]");
    }

    @Test
    void shouldShowPausesAndNoNextDate_whenPausedOrStopped() {
        // given
        membershipWithFebruaryIssued();
        String id = MEMBERSHIP.value();

        // when paused on 10 February, resumed on 5 March, paused again on 20 March
        pipe(feed.event(id, new RecurringPaused(MEMBERSHIP, TENANT, LocalDate.of(2027, 2, 10)), "user-2"));
        pipe(feed.event(id, new RecurringResumed(MEMBERSHIP, TENANT, LocalDate.of(2027, 3, 5)), "user-2"));
        RecurringDetails resumed = queries(LocalDate.of(2027, 3, 6)).details(id, "2").orElseThrow().details();
        pipe(feed.event(id, new RecurringPaused(MEMBERSHIP, TENANT, LocalDate.of(2027, 3, 20)), "user-2"));
        RecurringDetails paused = queries(LocalDate.of(2027, 3, 21)).details(id, null).orElseThrow().details();
        pipe(feed.event(id, new RecurringStopped(MEMBERSHIP, TENANT, LocalDate.of(2027, 3, 22)), "user-2"));
        RecurringDetails stopped = queries(LocalDate.of(2027, 3, 22)).details(id, null).orElseThrow().details();

        // then
        assertThat(resumed.status()).isEqualTo("ACTIVE");
        assertThat(resumed.nextOccurrences()).extracting(RecurringDetails.NextOccurrence::date)
                .containsExactly(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 1));
        assertThat(paused.status()).isEqualTo("PAUSED");
        assertThat(paused.pauses()).containsExactly(
                new RecurringSchedule.Pause(LocalDate.of(2027, 2, 10), LocalDate.of(2027, 3, 5)),
                new RecurringSchedule.Pause(LocalDate.of(2027, 3, 20), null));
        assertThat(paused.nextOccurrences()).isEmpty();
        assertThat(stopped.status()).isEqualTo("STOPPED");
        assertThat(stopped.stoppedFrom()).isEqualTo(LocalDate.of(2027, 3, 22));
        assertThat(stopped.updatedBy()).isEqualTo("user-2");
    }

    @Test
    void shouldRecordWhatEachEventChanged_whenSubscribersChangeAndOccurrencesAreIssued() {
        // given
        membershipWithFebruaryIssued();
        String id = MEMBERSHIP.value();

        // when
        pipe(feed.event(id, new SubscriberEndChanged(MEMBERSHIP, TENANT, ANNA, LocalDate.of(2027, 6, 30)), "user-3"));
        pipe(feed.event(id, new SubscriberRemoved(MEMBERSHIP, TENANT, BO, LocalDate.of(2027, 2, 20)), "user-3"));

        // then
        List<HistoryEntry> history = history(id);
        assertThat(history).extracting(HistoryEntry::event).containsExactly("RecurringCreated", "SubscriberAdded",
                "SubscriberAdded", "OccurrenceIssued", "OccurrenceIssued", "SubscriberEndChanged", "SubscriberRemoved");
        assertThat(history.get(3).changes()).extracting(c -> c.path())
                .contains("issuedCount", "lastOccurrenceDate", "invoices.2027-02-01 A-1");
        assertThat(history.get(5).changes()).extracting(c -> c.path() + " -> " + c.after().asText())
                .contains("subscribers.A-1.endDate -> 2027-06-30", "subscribers.A-1.lastDate -> 2027-06-30");
        assertThat(history.get(6).changes()).extracting(c -> c.path() + " -> " + c.after().asText())
                .contains("subscribers.B-2.removedFrom -> 2027-02-20");
        RecurringDetails details = queries(LocalDate.of(2027, 2, 21)).details(id, "3").orElseThrow().details();
        assertThat(details.nextOccurrences()).extracting(o -> o.date() + " " + o.customerNumbers())
                .containsExactly("2027-03-01 [A-1]", "2027-04-01 [A-1]", "2027-05-01 [A-1]");
    }

    @Test
    void shouldShowATemplatesCustomerAsItsOneSubscriber_whenAnInvoiceWasMadeRecurring() {
        // given
        pipe(feed.event(RENT.value(), new RecurringCreated(RENT, TENANT, RecurringKind.INVOICE_TEMPLATE, "Rent",
                InvoiceId.random(), Feed.content("10001", "Bryggen Bakeri AS", "9000.00", null), null,
                new FrequencyDefinition(FrequencyPattern.monthlyOnDay(3, 1), FEB, FrequencyEnd.after(4))), "user-1"));

        // when
        RecurringDetails details = queries(LocalDate.of(2027, 1, 25)).details(RENT.value(), null).orElseThrow().details();

        // then: quarterly, four times
        assertThat(details.kind()).isEqualTo(RecurringKind.INVOICE_TEMPLATE);
        assertThat(details.subscribers()).singleElement().satisfies(s -> {
            assertThat(s.customerNumber().value()).isEqualTo("10001");
            assertThat(s.lastDate()).isEqualTo(LocalDate.of(2027, 11, 1));
        });
        assertThat(details.nextOccurrences()).extracting(RecurringDetails.NextOccurrence::date)
                .containsExactly(FEB, LocalDate.of(2027, 5, 1), LocalDate.of(2027, 8, 1), LocalDate.of(2027, 11, 1));
        assertThat(details.invoices()).isEmpty();
        assertThat(details.endSummary()).isEqualTo("Slutter etter 4 ganger");
    }

    @Test
    void shouldListFilterAndPageTheSchedules_whenTheTenantHasSeveral() {
        // given a subscription and a stopped template
        membershipWithFebruaryIssued();
        pipe(feed.event(RENT.value(), new RecurringCreated(RENT, TENANT, RecurringKind.INVOICE_TEMPLATE, "Rent",
                InvoiceId.random(), Feed.content("10001", "Bryggen Bakeri AS", "9000.00", null), null,
                new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 1), FEB, FrequencyEnd.on(LocalDate.of(2027, 12, 31)))),
                "user-1"));
        pipe(feed.event(RENT.value(), new RecurringStopped(RENT, TENANT, FEB), "user-1"));
        RecurringQueries q = queries(FEB);

        // when
        Page<RecurringRow> all = q.list(null, null, null, null);
        Page<RecurringRow> first = q.list(null, null, "1", null);
        Page<RecurringRow> second = q.list(null, null, "1", first.nextCursor());
        Page<RecurringRow> stopped = q.list("stopped", null, null, null);
        Page<RecurringRow> subscriptions = q.list("ACTIVE", "subscription", null, null);

        // then (id order: the template's id sorts first)
        assertThat(all.items()).extracting(RecurringRow::name).containsExactly("Rent", "Membership");
        assertThat(all.total()).isEqualTo(2);
        RecurringRow rent = all.items().get(0);
        assertThat(rent.customerName()).isEqualTo("Bryggen Bakeri AS");
        assertThat(rent.subscriberCount()).isEqualTo(1);
        assertThat(rent.endDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(rent.nextDate()).as("stopped").isNull();
        RecurringRow membership = all.items().get(1);
        assertThat(membership.customerNumber()).isNull();
        assertThat(membership.subscriberCount()).isEqualTo(2);
        assertThat(membership.nextDate()).isEqualTo(MAR);
        assertThat(membership.issuedCount()).isEqualTo(2);
        assertThat(first.items()).extracting(RecurringRow::name).containsExactly("Rent");
        assertThat(second.items()).extracting(RecurringRow::name).containsExactly("Membership");
        assertThat(second.nextCursor()).isNull();
        assertThat(stopped.items()).extracting(RecurringRow::name).containsExactly("Rent");
        assertThat(subscriptions.items()).extracting(RecurringRow::name).containsExactly("Membership");
    }

    @Test
    void shouldPageTheProducedInvoicesNewestFirst_whenThereAreMoreThanAPage() {
        // given February and March issued
        membershipWithFebruaryIssued();
        issue(MEMBERSHIP, MAR, ANNA, 1003, false);
        RecurringQueries q = queries(MAR);

        // when
        Page<RecurringDetails.ProducedInvoice> first = q.invoices(MEMBERSHIP.value(), "2", null).orElseThrow();
        Page<RecurringDetails.ProducedInvoice> rest = q.invoices(MEMBERSHIP.value(), "2", first.nextCursor()).orElseThrow();

        // then
        assertThat(first.items()).extracting(RecurringDetails.ProducedInvoice::number).containsExactly("INV-1003", "INV-1002");
        assertThat(first.total()).isEqualTo(3);
        assertThat(rest.items()).extracting(RecurringDetails.ProducedInvoice::number).containsExactly("INV-1001");
        assertThat(rest.nextCursor()).isNull();
        assertThat(q.invoices(RecurringId.random().value(), null, null)).isEmpty();
    }

    @Test
    void shouldChangeNothing_whenEveryEventIsDeliveredAgain() {
        // given
        membershipWithFebruaryIssued();
        Map<String, String> once = snapshot();

        // when
        feed.sent().forEach(this::pipe);

        // then
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void shouldRefuseNamingTheParameter_whenAQueryParameterIsBad() {
        // given
        membershipWithFebruaryIssued();
        RecurringQueries q = queries(FEB);

        // when / then
        assertThat(violation(() -> q.details(MEMBERSHIP.value(), "0"))).isEqualTo("next range");
        assertThat(violation(() -> q.details(MEMBERSHIP.value(), "ten"))).isEqualTo("next range");
        assertThat(violation(() -> q.list("ended", null, null, null))).isEqualTo("status one-of");
        assertThat(violation(() -> q.list(null, "order", null, null))).isEqualTo("kind one-of");
        assertThat(violation(() -> q.list(null, null, "501", null))).isEqualTo("limit range");
        assertThat(violation(() -> q.list(null, null, null, "x"))).isEqualTo("cursor format");
        assertThat(violation(() -> q.invoices(MEMBERSHIP.value(), null, "bm9wZQ"))).isEqualTo("cursor format");
        assertThat(violation(() -> q.invoices(MEMBERSHIP.value(), null, "***"))).isEqualTo("cursor format");
        assertThat(Base64.getUrlDecoder().decode("bm9wZQ")).isEqualTo("nope".getBytes());
    }

    private static String violation(Runnable query) {
        DomainException e = catchThrowableOfType(DomainException.class, query::run);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        return e.violations().get(0).field() + " " + e.violations().get(0).rule();
    }

    private List<HistoryEntry> history(String aggregateId) {
        List<HistoryEntry> entries = new ArrayList<>();
        KeyValueStore<String, byte[]> history = driver.getKeyValueStore(ReadStores.HISTORY);
        try (KeyValueIterator<String, byte[]> it = history.prefixScan(ReadStores.historyPrefix(TENANT.value(), aggregateId),
                new StringSerializer())) {
            it.forEachRemaining(kv -> entries.add(ViewJson.read(kv.value, HistoryEntry.class)));
        }
        return entries;
    }

    private Map<String, String> snapshot() {
        Map<String, String> all = new TreeMap<>();
        for (String store : ProjectionsTopology.STORES) {
            try (KeyValueIterator<String, byte[]> it = driver.<String, byte[]>getKeyValueStore(store).all()) {
                it.forEachRemaining(kv -> all.put(store + "/" + kv.key, Base64.getEncoder().encodeToString(kv.value)));
            }
        }
        return all;
    }
}
