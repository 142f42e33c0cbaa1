package io.invoiceflow.commands.recurring;

import io.invoiceflow.commands.directory.DirectoryFixtures;
import io.invoiceflow.commands.shared.FixtureSupport;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.recurring.AddSubscriber;
import io.invoiceflow.events.recurring.ChangeSubscriberEnd;
import io.invoiceflow.events.recurring.CreateSubscription;
import io.invoiceflow.events.recurring.PauseRecurring;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.recurring.RecurringPaused;
import io.invoiceflow.events.recurring.RecurringPeriod;
import io.invoiceflow.events.recurring.RecurringResumed;
import io.invoiceflow.events.recurring.RecurringStopped;
import io.invoiceflow.events.recurring.RemoveSubscriber;
import io.invoiceflow.events.recurring.ResumeRecurring;
import io.invoiceflow.events.recurring.ScheduleInput;
import io.invoiceflow.events.recurring.StopRecurring;
import io.invoiceflow.events.recurring.SubscriberAdded;
import io.invoiceflow.events.recurring.SubscriberEndChanged;
import io.invoiceflow.events.recurring.SubscriberInput;
import io.invoiceflow.events.recurring.SubscriberRemoved;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.commands.shared.FixtureSupport.OSLO_TODAY;
import static io.invoiceflow.commands.shared.FixtureSupport.payloadsSatisfy;
import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static io.invoiceflow.commands.shared.NorwegianSamples.CARPENTER;
import static io.invoiceflow.commands.shared.NorwegianSamples.TECH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recurring aggregate's rules: creating a subscription (Q6) on a period, a pattern or a catalogue
 * frequency (R1, Q5), the first date (R2) and the end (R3), pausing, resuming and stopping (R6), and
 * its subscribers with their own ends (Q2). The clock is 23:30 UTC on 14 March 2026: 15 March in Oslo.
 */
class RecurringTest {
    private static final RecurringId ID = new RecurringId("b3d5f7a9-2c4e-4f6a-8b0d-1e3f5a7c9e2b");
    private static final LocalDate TOMORROW = OSLO_TODAY.plusDays(1);
    private static final LocalDate FIRST = LocalDate.of(2026, 4, 1);
    private static final FrequencyId FREQUENCY = new FrequencyId("5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8b0d13");
    private static final FrequencyDefinition LAST_FRIDAY = new FrequencyDefinition(
            FrequencyPattern.monthlyOnWeekday(1, WeekPosition.LAST, DayOfWeek.FRIDAY), LocalDate.of(2026, 1, 2),
            FrequencyEnd.after(12));

    private DirectoryFixtures db;
    private TenantId tenant;
    private AggregateTestFixture<Recurring> fixture;

    @BeforeEach
    void setUp() {
        db = DirectoryFixtures.inMemory();
        tenant = NorwegianSamples.seed(db);
        db.frequency(tenant, FREQUENCY, "Siste fredag i måneden", LAST_FRIDAY);
        fixture = FixtureSupport.fixture(Recurring.class, db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static List<LineInput> lines() {
        return List.of(NorwegianSamples.custom("Membership", "2", "500.00", "25"));
    }

    private CreateSubscription subscription(ScheduleInput schedule, List<SubscriberInput> subscribers) {
        return new CreateSubscription(ID, tenant, "Membership", lines(), PaymentTerms.of(PaymentTerms.Kind.NET_14),
                null, "Thanks for being a member", null, schedule, subscribers);
    }

    private static ScheduleInput monthly(LocalDate first) {
        return new ScheduleInput(null, RecurringPeriod.MONTH, null, first, null);
    }

    private CreateSubscription monthlyFor(CustomerNumber... subscribers) {
        return subscription(monthly(FIRST), Stream.of(subscribers).map(c -> new SubscriberInput(c, null, null)).toList());
    }

    /** The events of a monthly subscription from 1 April, as the aggregate records them. */
    private RecurringCreated created() {
        return created(null);
    }

    private RecurringCreated created(FrequencyId frequency) {
        InvoiceContent content = new InvoiceContent(null, List.of(), null, PaymentTerms.of(PaymentTerms.Kind.NET_14),
                null, null, "Thanks for being a member", null, null, "NOK",
                List.of(new Line(1, null, "Membership", new BigDecimal("2"), null,
                        new BigDecimal("500.00"), null, new BigDecimal("25"), new BigDecimal("1000.00"))),
                new Totals(new BigDecimal("1000.00"), new BigDecimal("250.00"),
                        new BigDecimal("1250.00"), List.of(new VatLine(new BigDecimal("25"),
                        new BigDecimal("1000.00"), new BigDecimal("250.00"), new BigDecimal("1250.00")))));
        return new RecurringCreated(ID, tenant, RecurringKind.SUBSCRIPTION, "Membership", null, content, frequency,
                new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 1), FIRST, FrequencyEnd.never()));
    }

    private SubscriberAdded bakeryAdded() {
        return new SubscriberAdded(ID, tenant, BAKERY, null, FIRST);
    }

    // ---- creating

    @Test
    void shouldCreateWithPricedLinesAndSubscribers_whenTheSubscriptionIsValid() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(subscription(monthly(FIRST), List.of(new SubscriberInput(BAKERY, null, null),
                        new SubscriberInput(TECH, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 12, 31)))))
                // then
                .expectEvents(created(), bakeryAdded(),
                        new SubscriberAdded(ID, tenant, TECH, LocalDate.of(2026, 12, 31), LocalDate.of(2026, 5, 1)));
    }

    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of(RecurringPeriod.WEEK, LocalDate.of(2026, 3, 20), FrequencyPattern.weekly(1, DayOfWeek.FRIDAY)),
                Arguments.of(RecurringPeriod.MONTH, LocalDate.of(2026, 3, 31),
                        FrequencyPattern.monthlyOnDay(1, 31).withShortMonths(ShortMonths.LAST_DAY)),
                Arguments.of(RecurringPeriod.QUARTER, LocalDate.of(2026, 4, 15), FrequencyPattern.monthlyOnDay(3, 15)),
                Arguments.of(RecurringPeriod.YEAR, LocalDate.of(2028, 2, 29),
                        FrequencyPattern.yearlyOnDay(1, Month.FEBRUARY, 29).withShortMonths(ShortMonths.LAST_DAY)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("periods")
    void shouldAnchorThePeriodOnTheFirstDate_whenAPeriodIsGiven(RecurringPeriod period, LocalDate first,
                                                                FrequencyPattern expected) {
        // given / when
        fixture.givenNoPriorActivity()
                .when(subscription(new ScheduleInput(null, period, null, first, null), List.of()))
                // then
                .expectEventsMatching(payloadsSatisfy(events -> {
                    RecurringCreated e = (RecurringCreated) events.get(0);
                    assertThat(e.schedule()).isEqualTo(new FrequencyDefinition(expected, first, FrequencyEnd.never()));
                    assertThat(e.frequencyId()).isNull();
                }));
    }

    @Test
    void shouldAcceptTomorrowInTheTenantsZone_whenItIsStillTodayInUtc() {
        // given 23:30 UTC on 14 March: 16 March is tomorrow in Oslo, the day after tomorrow in UTC
        // when / then
        fixture.givenNoPriorActivity().when(subscription(monthly(TOMORROW), List.of()))
                .expectEventsMatching(payloadsSatisfy(events ->
                        assertThat(((RecurringCreated) events.get(0)).schedule().anchor()).isEqualTo(TOMORROW)));
        fixture.givenNoPriorActivity().when(subscription(monthly(OSLO_TODAY), List.of()))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("firstDate", "not-before-tomorrow"))
                .expectNoEvents();
    }

    @Test
    void shouldCopyTheCatalogueFrequencyAndCountItInUse_whenAFrequencyIsNamed() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(subscription(new ScheduleInput(FREQUENCY, null, null, LocalDate.of(2026, 4, 24), null), List.of()))
                // then: the pattern and its end after 12, counted from the first date
                .expectEventsMatching(payloadsSatisfy(events -> {
                    RecurringCreated e = (RecurringCreated) events.get(0);
                    assertThat(e.frequencyId()).isEqualTo(FREQUENCY);
                    assertThat(e.schedule()).isEqualTo(new FrequencyDefinition(LAST_FRIDAY.pattern(),
                            LocalDate.of(2026, 4, 24), FrequencyEnd.after(12)));
                }));
        assertThat(db.directory().frequency(tenant, FREQUENCY).orElseThrow().inUse()).isEqualTo(1);
    }

    @Test
    void shouldReplaceTheFrequencysEnd_whenAnEndDateIsGiven() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(subscription(new ScheduleInput(FREQUENCY, null, null, LocalDate.of(2026, 4, 24),
                        LocalDate.of(2026, 8, 31)), List.of()))
                // then
                .expectEventsMatching(payloadsSatisfy(events -> assertThat(((RecurringCreated) events.get(0))
                        .schedule().end()).isEqualTo(FrequencyEnd.on(LocalDate.of(2026, 8, 31)))));
    }

    @Test
    void shouldRefuseADeactivatedFrequency_whenCreating() {
        // given (Q5)
        db.deactivateFrequency(tenant, FREQUENCY);

        // when / then
        fixture.givenNoPriorActivity()
                .when(subscription(new ScheduleInput(FREQUENCY, null, null, FIRST, null), List.of()))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("frequencyId", "active"))
                .expectNoEvents();
        assertThat(db.directory().frequency(tenant, FREQUENCY).orElseThrow().inUse()).isZero();
    }

    static Stream<Arguments> badSubscriptions() {
        LocalDate first = FIRST;
        return Stream.of(
                Arguments.of("no name", (UnaryOperator<CreateSubscription>) c -> new CreateSubscription(c.recurringId(),
                        c.tenantId(), " ", c.lines(), null, null, null, null, c.schedule(), c.subscribers()), "name", "required"),
                Arguments.of("no lines", (UnaryOperator<CreateSubscription>) c -> new CreateSubscription(c.recurringId(),
                        c.tenantId(), c.name(), List.of(), null, null, null, null, c.schedule(), c.subscribers()), "lines", "min-items"),
                Arguments.of("unknown language", (UnaryOperator<CreateSubscription>) c -> new CreateSubscription(c.recurringId(),
                        c.tenantId(), c.name(), c.lines(), null, null, null, "xx", c.schedule(), c.subscribers()), "language", "iso-639-1"),
                Arguments.of("no first date", schedule(new ScheduleInput(null, RecurringPeriod.MONTH, null, null, null)),
                        "firstDate", "required"),
                Arguments.of("end before the first date", schedule(new ScheduleInput(null, RecurringPeriod.MONTH, null,
                        first, first.minusDays(1))), "endDate", "not-before-first-date"),
                Arguments.of("no frequency, period or pattern", schedule(new ScheduleInput(null, null, null, first, null)),
                        "period", "required"),
                Arguments.of("period and pattern", schedule(new ScheduleInput(null, RecurringPeriod.MONTH,
                        FrequencyPattern.daily(1), first, null)), "pattern", "exclusive"),
                Arguments.of("interval 0", schedule(new ScheduleInput(null, null, FrequencyPattern.daily(0), first, null)),
                        "pattern.interval", "range"),
                Arguments.of("end before the first date of the pattern", schedule(new ScheduleInput(null, null,
                        FrequencyPattern.monthlyOnDay(1, 20), first, first.plusDays(5))), "endDate", "before-first-occurrence"),
                Arguments.of("subscriber twice", subscribers(new SubscriberInput(BAKERY, null, null),
                        new SubscriberInput(BAKERY, null, null)), "subscribers[1].customerNumber", "unique"),
                Arguments.of("subscriber without a recipient", subscribers(new SubscriberInput(CARPENTER, null, null)),
                        "subscribers[0].customerNumber", "has-contact"),
                Arguments.of("subscriber before the first date", subscribers(new SubscriberInput(BAKERY,
                        first.minusDays(1), null)), "subscribers[0].startDate", "not-before-first-date"),
                Arguments.of("subscriber ending before it starts", subscribers(new SubscriberInput(BAKERY, null,
                        first.minusDays(1))), "subscribers[0].endDate", "not-before-start"),
                Arguments.of("null subscriber", subscribers((SubscriberInput) null), "subscribers[0]", "required"));
    }

    private static UnaryOperator<CreateSubscription> schedule(ScheduleInput schedule) {
        return c -> new CreateSubscription(c.recurringId(), c.tenantId(), c.name(), c.lines(), c.paymentTerms(),
                c.poNumber(), c.comments(), c.language(), schedule, c.subscribers());
    }

    private static UnaryOperator<CreateSubscription> subscribers(SubscriberInput... subscribers) {
        return c -> new CreateSubscription(c.recurringId(), c.tenantId(), c.name(), c.lines(), c.paymentTerms(),
                c.poNumber(), c.comments(), c.language(), c.schedule(), Arrays.asList(subscribers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubscriptions")
    void shouldRefuseNamingTheField_whenTheSubscriptionBreaksARule(String name, UnaryOperator<CreateSubscription> change,
                                                                  String field, String rule) {
        // given / when
        fixture.givenNoPriorActivity()
                .when(change.apply(monthlyFor()))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation(field, rule))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAsUnknownReference_whenACustomerOrAFrequencyDoesNotExist() {
        // given / when / then
        fixture.givenNoPriorActivity()
                .when(monthlyFor(new CustomerNumber("99999")))
                .expectException(domainError(ErrorCode.UNKNOWN_REFERENCE).withViolation("subscribers[0].customerNumber", "exists"));
        fixture.givenNoPriorActivity()
                .when(subscription(new ScheduleInput(FrequencyId.random(), null, null, FIRST, null), List.of()))
                .expectException(domainError(ErrorCode.UNKNOWN_REFERENCE).withViolation("frequencyId", "exists"));
    }

    @Test
    void shouldRefuseEveryRecurringCommand_whenInvoicingIsDeactivated() {
        // given S1 off
        db.deactivateInvoicing(tenant);

        // when / then
        fixture.givenNoPriorActivity().when(monthlyFor(BAKERY))
                .expectException(domainError(ErrorCode.INVOICING_DEACTIVATED)).expectNoEvents();
        fixture.given(created()).when(new PauseRecurring(ID, tenant, null))
                .expectException(domainError(ErrorCode.INVOICING_DEACTIVATED)).expectNoEvents();
        fixture.given(created()).when(new AddSubscriber(ID, tenant, new SubscriberInput(TECH, null, null), null))
                .expectException(domainError(ErrorCode.INVOICING_DEACTIVATED)).expectNoEvents();
    }

    // ---- pause, resume, stop

    @Test
    void shouldPauseResumeAndStopFromTodayInTheTenantsZone_whenAsked() {
        // given / when / then
        fixture.given(created()).when(new PauseRecurring(ID, tenant, 0L))
                .expectEvents(new RecurringPaused(ID, tenant, OSLO_TODAY));
        fixture.given(created(), new RecurringPaused(ID, tenant, OSLO_TODAY)).when(new ResumeRecurring(ID, tenant, 1L))
                .expectEvents(new RecurringResumed(ID, tenant, OSLO_TODAY));
        fixture.given(created(), new RecurringPaused(ID, tenant, OSLO_TODAY)).when(new StopRecurring(ID, tenant, null))
                .expectEvents(new RecurringStopped(ID, tenant, OSLO_TODAY));
    }

    @Test
    void shouldRefuseAsIllegalState_whenTheActionDoesNotFitTheStatus() {
        // given / when / then
        fixture.given(created(), new RecurringPaused(ID, tenant, OSLO_TODAY)).when(new PauseRecurring(ID, tenant, null))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
        fixture.given(created()).when(new ResumeRecurring(ID, tenant, null))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
        fixture.given(created(), new RecurringStopped(ID, tenant, OSLO_TODAY)).when(new StopRecurring(ID, tenant, null))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
        fixture.given(created(), new RecurringStopped(ID, tenant, OSLO_TODAY)).when(new PauseRecurring(ID, tenant, null))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
        fixture.given(created(), new RecurringStopped(ID, tenant, OSLO_TODAY))
                .when(new AddSubscriber(ID, tenant, new SubscriberInput(TECH, null, null), null))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldCountTheFrequencyOutOfUse_whenTheScheduleStops() {
        // given a schedule made from the frequency, counted in use
        db.directory().adjustFrequencyUsage(tenant, FREQUENCY, 1);

        // when
        fixture.given(created(FREQUENCY)).when(new StopRecurring(ID, tenant, 0L))
                .expectEvents(new RecurringStopped(ID, tenant, OSLO_TODAY));

        // then
        assertThat(db.directory().frequency(tenant, FREQUENCY).orElseThrow().inUse()).isZero();
    }

    @Test
    void shouldRefuse_whenAnotherTenantOrAStaleVersionAsks() {
        // given / when / then
        fixture.given(created()).when(new PauseRecurring(ID, NorwegianSamples.seed(db), null))
                .expectException(domainError(ErrorCode.NOT_FOUND)).expectNoEvents();
        fixture.given(created(), bakeryAdded()).when(new StopRecurring(ID, tenant, 0L))
                .expectException(domainError(ErrorCode.STALE_VERSION)).expectNoEvents();
    }

    // ---- subscribers

    @Test
    void shouldAddASubscriberFromTheFirstDateOrTomorrow_whenNoStartIsGiven() {
        // given / when / then
        fixture.given(created()).when(new AddSubscriber(ID, tenant, new SubscriberInput(TECH, null, null), 0L))
                .expectEvents(new SubscriberAdded(ID, tenant, TECH, null, FIRST));
    }

    @Test
    void shouldRefuseASecondEntry_whenTheCustomerAlreadySubscribes() {
        // given / when / then
        fixture.given(created(), bakeryAdded())
                .when(new AddSubscriber(ID, tenant, new SubscriberInput(BAKERY, null, null), null))
                .expectException(domainError(ErrorCode.ALREADY_EXISTS).withViolation("customerNumber", "unique"));
    }

    @Test
    void shouldAddAgain_whenTheSubscriberWasRemoved() {
        // given / when / then
        fixture.given(created(), bakeryAdded(), new SubscriberRemoved(ID, tenant, BAKERY, OSLO_TODAY))
                .when(new AddSubscriber(ID, tenant, new SubscriberInput(BAKERY, LocalDate.of(2026, 6, 1), null), null))
                .expectEvents(new SubscriberAdded(ID, tenant, BAKERY, null, LocalDate.of(2026, 6, 1)));
    }

    @Test
    void shouldRefuseSubscribersOfATemplate_whenItInvoicesItsOwnCustomer() {
        // given a template of the bakery
        RecurringCreated s = created();
        RecurringCreated template = new RecurringCreated(ID, tenant, RecurringKind.INVOICE_TEMPLATE, "Rent",
                InvoiceId.random(), new InvoiceContent(NorwegianSamples.bakerySnapshot(),
                List.of(NorwegianSamples.KARI), null, s.content().paymentTerms(), null, null, null, "nb", "nb-NO", "NOK",
                s.content().lines(), s.content().totals()), null, s.schedule());

        // when / then
        fixture.given(template).when(new AddSubscriber(ID, tenant, new SubscriberInput(TECH, null, null), null))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
        fixture.given(template).when(new RemoveSubscriber(ID, tenant, BAKERY, null))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldRefuseAStartToday_whenASubscriberIsAdded() {
        // given / when / then
        fixture.given(created()).when(new AddSubscriber(ID, tenant, new SubscriberInput(TECH, OSLO_TODAY, null), null))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("startDate", "not-before-tomorrow"));
    }

    @Test
    void shouldChangeClearOrKeepTheOwnEnd_whenChanged() {
        // given
        LocalDate june = LocalDate.of(2026, 6, 30);

        // when / then
        fixture.given(created(), bakeryAdded()).when(new ChangeSubscriberEnd(ID, tenant, BAKERY, june, 1L))
                .expectEvents(new SubscriberEndChanged(ID, tenant, BAKERY, june));
        fixture.given(created(), bakeryAdded(), new SubscriberEndChanged(ID, tenant, BAKERY, june))
                .when(new ChangeSubscriberEnd(ID, tenant, BAKERY, null, null))
                .expectEvents(new SubscriberEndChanged(ID, tenant, BAKERY, null));
        fixture.given(created(), bakeryAdded()).when(new ChangeSubscriberEnd(ID, tenant, BAKERY, null, null))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAnEndInThePastOrAnUnknownSubscriber_whenTheEndIsChanged() {
        // given / when / then
        fixture.given(created(), bakeryAdded())
                .when(new ChangeSubscriberEnd(ID, tenant, BAKERY, OSLO_TODAY.minusDays(1), null))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("endDate", "not-before-today"));
        fixture.given(created(), bakeryAdded())
                .when(new ChangeSubscriberEnd(ID, tenant, BAKERY, TOMORROW, null))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("endDate", "not-before-start"));
        fixture.given(created(), bakeryAdded(), new SubscriberRemoved(ID, tenant, BAKERY, OSLO_TODAY))
                .when(new ChangeSubscriberEnd(ID, tenant, BAKERY, FIRST, null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void shouldRemoveFromToday_whenASubscriberIsRemoved() {
        // given / when / then
        fixture.given(created(), bakeryAdded()).when(new RemoveSubscriber(ID, tenant, BAKERY, 1L))
                .expectEvents(new SubscriberRemoved(ID, tenant, BAKERY, OSLO_TODAY));
        fixture.given(created(), bakeryAdded()).when(new RemoveSubscriber(ID, tenant, TECH, null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }
}
