package io.invoiceflow.streams.recurring;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.recurring.RecurringPaused;
import io.invoiceflow.events.recurring.RecurringResumed;
import io.invoiceflow.events.recurring.RecurringStopped;
import io.invoiceflow.events.recurring.SubscriberAdded;
import io.invoiceflow.events.recurring.SubscriberEndChanged;
import io.invoiceflow.events.recurring.SubscriberRemoved;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.projections.Feed;
import io.invoiceflow.projections.ViewJson;
import io.invoiceflow.streams.MovableClock;
import io.invoiceflow.streams.distribution.DistributionTopology;
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
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The morning run's decisions, with the wall clock (the driver's and the processor's) advanced by hand. */
class SchedulerTopologyTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final TenantId TENANT = new TenantId("3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b13");
    private static final TenantProfile PROFILE = new TenantProfile("Fjordlys Konsult AS", "987654325",
            new Address("Storgata 12", "0155", "Oslo", "NO"), "NOK", "Europe/Oslo", "nb", new NumberSeries("INV-", 1001),
            new NumberSeries("CN-", 1001), "faktura@fjordlys.no");
    private static final LocalTime RUN_TIME = LocalTime.of(6, 15);

    private final SchedulerMetrics metrics = new SchedulerMetrics();
    private MovableClock clock;
    private Feed feed;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, byte[]> commands;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldIssueTheOccurrenceAtTheRunTimeInTheTenantsZone_whenItIsDueToday() {
        // given a monthly template with its first date tomorrow
        start(at("2026-11-30T14:00"), 0, true);
        RecurringId recurring = template(monthly(1, LocalDate.of(2026, 12, 1), FrequencyEnd.never()), "10001");

        // when the clock reaches 06:14 and then 06:15 in Oslo
        advanceTo(at("2026-12-01T06:14"));
        assertThat(commands.isEmpty()).as("not before 06:15").isTrue();
        advanceTo(at("2026-12-01T06:15"));

        // then one IssueOccurrence for the date, keyed by the derived invoice id, from the scheduler
        List<TestRecord<String, byte[]>> issued = commands.readRecordsToList();
        assertThat(issued).hasSize(1);
        TestRecord<String, byte[]> command = issued.get(0);
        assertThat(command.key()).isEqualTo(recurring.occurrenceInvoice(new CustomerNumber("10001"),
                LocalDate.of(2026, 12, 1)).value());
        assertThat(header(command, CloudEventHeaders.TYPE)).isEqualTo("io.invoiceflow.command.IssueOccurrence");
        assertThat(header(command, CloudEventHeaders.ACTOR)).isEqualTo("system:scheduler");
        assertThat(header(command, CloudEventHeaders.TENANT)).isEqualTo(TENANT.value());
        JsonNode body = ViewJson.read(command.value(), JsonNode.class);
        assertThat(body.path("recurringId").asText()).isEqualTo(recurring.value());
        assertThat(body.path("occurrenceDate").asText()).isEqualTo("2026-12-01");
        assertThat(body.path("customerNumber").asText()).isEqualTo("10001");
        assertThat(metrics.issued()).isEqualTo(1);

        // and nothing more until the next date
        advanceTo(at("2026-12-31T23:00"));
        assertThat(commands.isEmpty()).isTrue();
        advanceTo(at("2027-01-01T06:15"));
        assertThat(dates(commands.readRecordsToList())).containsExactly("2027-01-01");
    }

    @Test
    void shouldStampTheCommandsWithKafkasWallClock_whenTheInstallationsClockRunsAhead() {
        // given a template due tomorrow, and an installation clock moved a day ahead of the real time
        // (development mode): a broker refuses records stamped more than an hour ahead (Kafka 4's
        // log.message.timestamp.after.max.ms)
        Instant real = at("2026-11-30T14:00");
        start(real, 0, true);
        template(monthly(1, LocalDate.of(2026, 12, 1), FrequencyEnd.never()), "10001");
        clock.set(at("2026-12-01T06:15"));

        // when the next punctuation runs
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        // then the occurrence of the installation's today is issued, stamped with Kafka's wall-clock time
        List<TestRecord<String, byte[]>> issued = commands.readRecordsToList();
        assertThat(dates(issued)).containsExactly("2026-12-01");
        assertThat(issued.get(0).timestamp()).isEqualTo(real.plusSeconds(1).toEpochMilli());
    }

    @Test
    void shouldIssueNothing_whenNoOccurrenceFallsOnTheDay() {
        // given a schedule whose first date is the day after tomorrow
        start(at("2026-11-30T14:00"), 0, true);
        template(monthly(1, LocalDate.of(2026, 12, 2), FrequencyEnd.never()), "10001");

        // when tomorrow's run passes
        advanceTo(at("2026-12-01T06:15"));
        advanceTo(at("2026-12-01T23:59"));

        // then nothing is issued; the next day it is
        assertThat(commands.isEmpty()).isTrue();
        advanceTo(at("2026-12-02T06:15"));
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-02");
    }

    @Test
    void shouldSkipTheOccurrencesInsideAPause_notProduceThemLate() {
        // given a daily schedule, paused on the 2nd and resumed on the 4th
        start(at("2026-11-30T14:00"), 0, true);
        RecurringId recurring = template(daily(LocalDate.of(2026, 12, 1), FrequencyEnd.never()), "10001");
        advanceTo(at("2026-12-01T06:15"));
        events.pipeInput(feed.event(recurring.value(), new RecurringPaused(recurring, TENANT, LocalDate.of(2026, 12, 2)),
                "user-1"));

        // when the runs of the 2nd and 3rd pass, then the schedule is resumed from the 4th
        advanceTo(at("2026-12-02T06:15"));
        advanceTo(at("2026-12-03T06:15"));
        events.pipeInput(feed.event(recurring.value(), new RecurringResumed(recurring, TENANT, LocalDate.of(2026, 12, 4)),
                "user-1"));
        advanceTo(at("2026-12-04T06:15"));

        // then the 2nd and 3rd were skipped, not issued late
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-01", "2026-12-04");
        assertThat(metrics.issued()).isEqualTo(2);
    }

    @Test
    void shouldStopAfterTheLastOccurrence_whenTheScheduleEndsAfterN() {
        // given a daily schedule of three occurrences
        start(at("2026-11-30T14:00"), 0, true);
        template(daily(LocalDate.of(2026, 12, 1), FrequencyEnd.after(3)), "10001");

        // when five mornings pass
        for (int day = 1; day <= 5; day++) {
            advanceTo(at("2026-12-0" + day + "T06:15"));
        }

        // then three were issued
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-01", "2026-12-02", "2026-12-03");
    }

    @Test
    void shouldIssueUpToTheEndDate_andNothingAfter() {
        // given every Monday and Thursday until Thursday 10 December
        start(at("2026-11-30T14:00"), 0, true);
        template(new FrequencyDefinition(FrequencyPattern.weekly(1, DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                LocalDate.of(2026, 12, 3), FrequencyEnd.on(LocalDate.of(2026, 12, 10))), "10001");

        // when three weeks of mornings pass
        runMornings(LocalDate.of(2026, 12, 1), 21);

        // then
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-03", "2026-12-07", "2026-12-10");
    }

    @Test
    void shouldNotIssueFromTheStopOn_whenTheScheduleIsStopped() {
        // given a daily schedule stopped from the 3rd
        start(at("2026-11-30T14:00"), 0, true);
        RecurringId recurring = template(daily(LocalDate.of(2026, 12, 1), FrequencyEnd.never()), "10001");
        runMornings(LocalDate.of(2026, 12, 1), 2);
        events.pipeInput(feed.event(recurring.value(), new RecurringStopped(recurring, TENANT, LocalDate.of(2026, 12, 3)),
                "user-1"));

        // when more mornings pass
        runMornings(LocalDate.of(2026, 12, 3), 5);

        // then
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-01", "2026-12-02");
    }

    @Test
    void shouldRunAt0615LocalTime_onTheDaysTheClocksChange() {
        // given a daily schedule over the spring-forward night (28 March 2027, 02:00 -> 03:00 in Oslo)
        start(at("2027-03-26T14:00"), 0, true);
        template(daily(LocalDate.of(2027, 3, 27), FrequencyEnd.after(3)), "10001");

        // when: 06:15 is 05:15 UTC before the change and 04:15 UTC after it
        advanceTo(Instant.parse("2027-03-27T05:14:59Z"));
        assertThat(commands.isEmpty()).isTrue();
        advanceTo(Instant.parse("2027-03-27T05:15:00Z"));
        assertThat(dates(commands.readRecordsToList())).containsExactly("2027-03-27");
        advanceTo(Instant.parse("2027-03-28T04:14:59Z"));
        assertThat(commands.isEmpty()).isTrue();
        advanceTo(Instant.parse("2027-03-28T04:15:00Z"));

        // then the DST day's occurrence is issued once, at 06:15 local time, and the next day's too
        assertThat(dates(commands.readRecordsToList())).containsExactly("2027-03-28");
        advanceTo(Instant.parse("2027-03-29T04:15:00Z"));
        assertThat(dates(commands.readRecordsToList())).containsExactly("2027-03-29");
    }

    @Test
    void shouldRunOncePerDay_whenTheRunTimeFallsInTheGapOrTheOverlap() {
        // given a run time of 02:30, which does not exist on 28 March 2027 and happens twice on 31 October 2027
        start(Instant.parse("2027-03-26T14:00:00Z"), 0, true, LocalTime.of(2, 30));
        template(daily(LocalDate.of(2027, 3, 28), FrequencyEnd.never()), "10001");
        template(daily(LocalDate.of(2027, 10, 31), FrequencyEnd.after(1)), "10002");

        // when the gap night passes: due when the wall clock first reads 03:30 (01:30 UTC)
        advanceTo(Instant.parse("2027-03-28T01:29:59Z"));
        assertThat(commands.isEmpty()).isTrue();
        advanceTo(Instant.parse("2027-03-28T01:30:00Z"));
        assertThat(dates(commands.readRecordsToList())).containsExactly("2027-03-28");

        // and the overlap night: due at the first 02:30 (00:30 UTC), not again an hour later
        advanceTo(Instant.parse("2027-10-30T23:00:00Z"));
        commands.readRecordsToList();
        advanceTo(Instant.parse("2027-10-31T00:30:00Z"));
        List<TestRecord<String, byte[]>> overlap = commands.readRecordsToList();
        assertThat(overlap).extracting(r -> ViewJson.read(r.value(), JsonNode.class).path("customerNumber").asText())
                .containsExactlyInAnyOrder("10001", "10002");
        advanceTo(Instant.parse("2027-10-31T01:30:00Z"));
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void shouldIssueTheFirstOccurrenceTomorrow_whenTheScheduleIsCreatedAfterTodaysRun() {
        // given today's run is over (11:00 in Oslo) when the schedule is created, starting tomorrow
        start(at("2026-12-01T11:00"), 0, true);
        template(daily(LocalDate.of(2026, 12, 2), FrequencyEnd.never()), "10001");

        // when the rest of today passes, and tomorrow's run
        advanceTo(at("2026-12-01T23:59"));
        assertThat(commands.isEmpty()).isTrue();
        advanceTo(at("2026-12-02T06:15"));

        // then tomorrow's occurrence is issued, nothing for today
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-02");
    }

    @Test
    void shouldInvoiceEachActiveSubscriber_whenASubscriptionRuns() {
        // given a subscription with four subscribers: one ending on the 1st, one removed from the 2nd, one
        // starting on the 3rd
        start(at("2026-11-30T14:00"), 0, true);
        RecurringId subscription = RecurringId.random();
        LocalDate first = LocalDate.of(2026, 12, 1);
        pipe(subscription.value(), new RecurringCreated(subscription, TENANT, RecurringKind.SUBSCRIPTION,
                "Support plan", null, withoutCustomer(), null, daily(first, FrequencyEnd.never())));
        pipe(subscription.value(), new SubscriberAdded(subscription, TENANT, new CustomerNumber("10001"), null, first));
        pipe(subscription.value(), new SubscriberAdded(subscription, TENANT, new CustomerNumber("10002"), first, first));
        pipe(subscription.value(), new SubscriberAdded(subscription, TENANT, new CustomerNumber("10003"), null, first));
        pipe(subscription.value(), new SubscriberAdded(subscription, TENANT, new CustomerNumber("10004"), null,
                first.plusDays(2)));

        // when the 1st passes, 10003 leaves from the 2nd and 10002's end moves to the 2nd, and two more days pass
        advanceTo(at("2026-12-01T06:15"));
        List<String> onThe1st = customers(commands.readRecordsToList());
        pipe(subscription.value(), new SubscriberRemoved(subscription, TENANT, new CustomerNumber("10003"),
                first.plusDays(1)));
        pipe(subscription.value(), new SubscriberEndChanged(subscription, TENANT, new CustomerNumber("10002"),
                first.plusDays(1)));
        advanceTo(at("2026-12-02T06:15"));
        List<String> onThe2nd = customers(commands.readRecordsToList());
        advanceTo(at("2026-12-03T06:15"));

        // then
        assertThat(onThe1st).containsExactly("10001", "10002", "10003");
        assertThat(onThe2nd).containsExactly("10001", "10002");
        assertThat(customers(commands.readRecordsToList())).containsExactly("10001", "10004");
    }

    @Test
    void shouldWaitForTheFirstSubscriber_whenASubscriptionStartsEmpty() {
        // given a daily subscription from the 1st with no one on it
        start(at("2026-11-30T14:00"), 0, true);
        RecurringId subscription = RecurringId.random();
        LocalDate first = LocalDate.of(2026, 12, 1);
        pipe(subscription.value(), new RecurringCreated(subscription, TENANT, RecurringKind.SUBSCRIPTION,
                "Support plan", null, withoutCustomer(), null, daily(first, FrequencyEnd.never())));
        advanceTo(at("2026-12-01T06:15"));
        assertThat(commands.isEmpty()).isTrue();

        // when a customer subscribes from the 2nd, after the run of the 1st
        pipe(subscription.value(), new SubscriberAdded(subscription, TENANT, new CustomerNumber("10001"), null,
                first.plusDays(1)));
        advanceTo(at("2026-12-02T06:15"));

        // then its first invoice is the 2nd's
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-02");
    }

    @Test
    void shouldIssueOnlyTodaysOccurrence_whenTheSystemWasDownForThreeDaysAndNoCatchUpDaysAreSet() {
        // given a daily schedule from the 1st, and the system down from the 30th until the 4th at 09:00
        start(at("2026-11-30T14:00"), 0, true);
        template(daily(LocalDate.of(2026, 12, 1), FrequencyEnd.never()), "10001");

        // when it comes back
        advanceTo(at("2026-12-04T09:00"));

        // then today's occurrence is issued, the three missed days are skipped
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-04");
        assertThat(metrics.skippedTooLate()).isEqualTo(3);
        advanceTo(at("2026-12-05T06:15"));
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-05");
    }

    @Test
    void shouldIssueTheMissedDaysInsideTheWindow_whenCatchUpDaysAreSet() {
        // given two catch-up days
        start(at("2026-11-30T14:00"), 2, true);
        template(daily(LocalDate.of(2026, 12, 1), FrequencyEnd.never()), "10001");

        // when the system comes back on the 4th after three days down
        advanceTo(at("2026-12-04T09:00"));

        // then the 2nd, 3rd and 4th are issued, the 1st is too old
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-02", "2026-12-03", "2026-12-04");
        assertThat(metrics.skippedTooLate()).isEqualTo(1);
    }

    @Test
    void shouldNotIssueAgain_whenTheScheduleIsDeliveredAgain() {
        // given an occurrence issued
        start(at("2026-11-30T14:00"), 0, true);
        template(monthly(1, LocalDate.of(2026, 12, 1), FrequencyEnd.never()), "10001");
        advanceTo(at("2026-12-01T06:15"));
        assertThat(commands.readRecordsToList()).hasSize(1);

        // when every event is delivered again (at-least-once upstream) and the run ticks again
        feed.sent().forEach(events::pipeInput);
        advanceTo(at("2026-12-01T06:20"));

        // then the cursor was not reset
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void shouldWaitForTheTenantsZone_whenTheScheduleArrivesBeforeItsTenant() {
        // given a schedule read before its tenant (partitions are read independently)
        start(at("2026-11-30T14:00"), 0, false);
        template(monthly(1, LocalDate.of(2026, 12, 1), FrequencyEnd.never()), "10001");
        advanceTo(Instant.parse("2026-12-01T06:15:00Z")); // 06:15 UTC: 07:15 in Oslo
        assertThat(commands.isEmpty()).as("the zone is not known").isTrue();

        // when the tenant arrives
        events.pipeInput(feed.event(TENANT.value(), new TenantCreated(TENANT, PROFILE), "admin"));
        advanceTo(Instant.parse("2026-12-01T06:16:00Z"));

        // then the occurrence is issued (the same day, so inside the catch-up rule)
        assertThat(dates(commands.readRecordsToList())).containsExactly("2026-12-01");
        assertThat(metrics.ranUpTo()).contains(Instant.parse("2026-12-01T06:16:00Z"));
    }

    private void start(Instant now, int catchUpDays, boolean withTenant) {
        start(now, catchUpDays, withTenant, RUN_TIME);
    }

    private void start(Instant now, int catchUpDays, boolean withTenant, LocalTime runTime) {
        clock = new MovableClock(now);
        feed = new Feed(now.minus(Duration.ofHours(1)));
        StreamsBuilder builder = new StreamsBuilder();
        SchedulerTopology.attach(builder, DistributionTopology.byTenant(builder), Stores::inMemoryKeyValueStore, clock,
                new SchedulerSettings(runTime, catchUpDays, Duration.ofSeconds(1)), metrics);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scheduler-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props, now);
        events = driver.createInputTopic(Topics.INVOICING_EVENTS, new StringSerializer(), new ByteArraySerializer());
        commands = driver.createOutputTopic(Topics.INVOICING_COMMANDS, new StringDeserializer(),
                new ByteArrayDeserializer());
        if (withTenant) {
            events.pipeInput(feed.event(TENANT.value(), new TenantCreated(TENANT, PROFILE), "admin"));
        }
    }

    private RecurringId template(FrequencyDefinition schedule, String customerNumber) {
        RecurringId recurring = RecurringId.random();
        InvoiceContent content = Feed.content(customerNumber, "Kunde " + customerNumber, "1000.00", null);
        pipe(recurring.value(), new RecurringCreated(recurring, TENANT, RecurringKind.INVOICE_TEMPLATE, "Monthly",
                InvoiceId.random(), content, null, schedule));
        return recurring;
    }

    private void pipe(String aggregateId, DomainEvent event) {
        events.pipeInput(feed.event(aggregateId, event, "user-1"));
    }

    /** Moves both clocks: the processor's and the driver's wall clock, which fires the punctuator. */
    private void advanceTo(Instant next) {
        Duration step = Duration.between(clock.instant(), next);
        assertThat(step.isNegative()).as("time only moves forward").isFalse();
        clock.set(next);
        driver.advanceWallClockTime(step);
    }

    private void runMornings(LocalDate from, int days) {
        for (int i = 0; i < days; i++) {
            advanceTo(from.plusDays(i).atTime(RUN_TIME).atZone(OSLO).toInstant());
        }
    }

    private static Instant at(String osloLocal) {
        return LocalDateTime.parse(osloLocal).atZone(OSLO).toInstant();
    }

    private static FrequencyDefinition daily(LocalDate first, FrequencyEnd end) {
        return new FrequencyDefinition(FrequencyPattern.daily(1), first, end);
    }

    private static FrequencyDefinition monthly(int interval, LocalDate first, FrequencyEnd end) {
        return new FrequencyDefinition(FrequencyPattern.monthlyOnDay(interval, first.getDayOfMonth()), first, end);
    }

    private static InvoiceContent withoutCustomer() {
        InvoiceContent c = Feed.content("0", "-", "499.00", null);
        return new InvoiceContent(null, List.of(), null, c.paymentTerms(), null, null, null, c.language(), c.locale(),
                c.currency(), c.lines(), c.totals());
    }

    private static List<String> dates(List<TestRecord<String, byte[]>> records) {
        return records.stream().map(r -> ViewJson.read(r.value(), JsonNode.class).path("occurrenceDate").asText())
                .toList();
    }

    private static List<String> customers(List<TestRecord<String, byte[]>> records) {
        return records.stream().map(r -> ViewJson.read(r.value(), JsonNode.class).path("customerNumber").asText())
                .toList();
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
