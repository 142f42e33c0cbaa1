package io.invoiceflow.recurrence;

import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.recurring.OccurrenceIssued;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringEvent;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.recurring.RecurringPaused;
import io.invoiceflow.events.recurring.RecurringResumed;
import io.invoiceflow.events.recurring.RecurringStopped;
import io.invoiceflow.events.recurring.SubscriberAdded;
import io.invoiceflow.events.recurring.SubscriberEndChanged;
import io.invoiceflow.events.recurring.SubscriberRemoved;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.recurrence.RecurringSchedule.Verdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of which customers a date of a recurring template or subscription invoices. */
class RecurringScheduleTest {
    private static final RecurringId ID = new RecurringId("b3d5f7a9-2c4e-4f6a-8b0d-1e3f5a7c9e2b");
    private static final TenantId TENANT = new TenantId("3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b13");
    private static final CustomerNumber ANNA = new CustomerNumber("A-1");
    private static final CustomerNumber BO = new CustomerNumber("B-2");
    private static final CustomerNumber CARL = new CustomerNumber("C-3");
    /** Monthly on the 1st from 1 February 2027. */
    private static final LocalDate FIRST = LocalDate.of(2027, 2, 1);

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2027, month, day);
    }

    private static RecurringSchedule fold(RecurringEvent... events) {
        RecurringSchedule schedule = null;
        for (RecurringEvent e : events) {
            schedule = schedule == null ? RecurringSchedule.of((RecurringCreated) e) : schedule.apply(e);
        }
        return schedule;
    }

    private static RecurringCreated template(FrequencyEnd end) {
        InvoiceContent content = new InvoiceContent(new CustomerSnapshot(ANNA, "Anna AS", null, null, null), List.of(),
                null, PaymentTerms.of(PaymentTerms.Kind.NET_14), null, null, null, "nb", "nb-NO", "NOK", List.of(),
                new Totals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of()));
        return new RecurringCreated(ID, TENANT, RecurringKind.INVOICE_TEMPLATE, "Rent", InvoiceId.random(), content,
                null, new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 1), FIRST, end));
    }

    private static RecurringCreated subscription(FrequencyEnd end) {
        InvoiceContent content = new InvoiceContent(null, List.of(), null, PaymentTerms.of(PaymentTerms.Kind.NET_14),
                null, null, null, null, null, "NOK", List.of(),
                new Totals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of()));
        return new RecurringCreated(ID, TENANT, RecurringKind.SUBSCRIPTION, "Membership", null, content, null,
                new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 1), FIRST, end));
    }

    private static SubscriberAdded added(CustomerNumber customer, LocalDate start, LocalDate end) {
        return new SubscriberAdded(ID, TENANT, customer, end, start);
    }

    @Test
    void shouldInvoiceTheTemplatesCustomerOnEveryDateFromTheFirst_whenTheTemplateRuns() {
        // given
        RecurringSchedule schedule = fold(template(FrequencyEnd.never()));

        // when / then
        assertThat(schedule.status()).isEqualTo(RecurringSchedule.Status.ACTIVE);
        assertThat(schedule.customersOn(d(3, 1))).containsExactly(ANNA);
        assertThat(schedule.check(d(3, 1), ANNA)).isEqualTo(Verdict.DUE);
        assertThat(schedule.check(d(3, 2), ANNA)).isEqualTo(Verdict.NOT_AN_OCCURRENCE);
        assertThat(schedule.check(d(1, 1), ANNA)).as("before the first date").isEqualTo(Verdict.NOT_AN_OCCURRENCE);
        assertThat(schedule.check(d(3, 1), BO)).isEqualTo(Verdict.NOT_SUBSCRIBED);
        assertThat(schedule.next(3, d(1, 15))).extracting(RecurringSchedule.Occurrence::date)
                .containsExactly(d(2, 1), d(3, 1), d(4, 1));
    }

    @Test
    void shouldSkipTheDatesInsideAPause_whenPausedAndResumed() {
        // given paused from 10 April, resumed from 10 May
        RecurringSchedule schedule = fold(template(FrequencyEnd.never()), new RecurringPaused(ID, TENANT, d(4, 10)),
                new RecurringResumed(ID, TENANT, d(5, 10)));

        // when / then: 1 May is skipped, not produced late
        assertThat(schedule.check(d(4, 1), ANNA)).isEqualTo(Verdict.DUE);
        assertThat(schedule.check(d(5, 1), ANNA)).isEqualTo(Verdict.PAUSED);
        assertThat(schedule.customersOn(d(5, 1))).isEmpty();
        assertThat(schedule.check(d(6, 1), ANNA)).isEqualTo(Verdict.DUE);
        assertThat(schedule.nextDate(d(4, 2))).contains(d(6, 1));
        assertThat(schedule.status()).isEqualTo(RecurringSchedule.Status.ACTIVE);
        assertThat(schedule.pauses()).containsExactly(new RecurringSchedule.Pause(d(4, 10), d(5, 10)));
    }

    @Test
    void shouldHaveNoNextDate_whenThePauseLasts() {
        // given
        RecurringSchedule schedule = fold(template(FrequencyEnd.never()), new RecurringPaused(ID, TENANT, d(4, 10)));

        // when / then
        assertThat(schedule.status()).isEqualTo(RecurringSchedule.Status.PAUSED);
        assertThat(schedule.nextDate(d(4, 10))).isEmpty();
        assertThat(schedule.check(d(12, 1), ANNA)).isEqualTo(Verdict.PAUSED);
        assertThat(schedule.nextDate(d(3, 2))).as("before the pause").contains(d(4, 1));
    }

    @Test
    void shouldChangeNothing_whenPausedAndResumedTheSameDay() {
        // given
        RecurringSchedule schedule = fold(template(FrequencyEnd.never()), new RecurringPaused(ID, TENANT, d(5, 1)),
                new RecurringResumed(ID, TENANT, d(5, 1)));

        // when / then
        assertThat(schedule.check(d(5, 1), ANNA)).isEqualTo(Verdict.DUE);
    }

    @Test
    void shouldIssueNothingFromTheStop_whenStopped() {
        // given
        RecurringSchedule schedule = fold(template(FrequencyEnd.never()), new RecurringStopped(ID, TENANT, d(4, 15)));

        // when / then: a missed date before the stop may still be caught up
        assertThat(schedule.status()).isEqualTo(RecurringSchedule.Status.STOPPED);
        assertThat(schedule.check(d(4, 1), ANNA)).isEqualTo(Verdict.DUE);
        assertThat(schedule.check(d(5, 1), ANNA)).isEqualTo(Verdict.STOPPED);
        assertThat(schedule.nextDate(d(4, 2))).isEmpty();
    }

    @Test
    void shouldEndOnTheEndDate_whenTheScheduleHasOne() {
        // given
        RecurringSchedule schedule = fold(template(FrequencyEnd.on(d(4, 30))));

        // when / then
        assertThat(schedule.check(d(4, 1), ANNA)).isEqualTo(Verdict.DUE);
        assertThat(schedule.check(d(5, 1), ANNA)).isEqualTo(Verdict.ENDED);
        assertThat(schedule.next(10, FIRST)).hasSize(3);
    }

    @Test
    void shouldCountEachSubscribersOccurrencesFromItsOwnStart_whenTheScheduleEndsAfterN() {
        // given three occurrences each: Anna from the first date, Bo from 15 March
        RecurringSchedule schedule = fold(subscription(FrequencyEnd.after(3)), added(ANNA, FIRST, null),
                added(BO, d(3, 15), null));

        // when / then
        assertThat(schedule.subscriber(ANNA).orElseThrow().lastDate()).isEqualTo(d(4, 1));
        assertThat(schedule.subscriber(BO).orElseThrow().lastDate()).isEqualTo(d(6, 1));
        assertThat(schedule.customersOn(d(4, 1))).containsExactly(ANNA, BO);
        assertThat(schedule.customersOn(d(5, 1))).containsExactly(BO);
        assertThat(schedule.check(d(5, 1), ANNA)).isEqualTo(Verdict.ENDED);
        assertThat(schedule.check(d(3, 1), BO)).isEqualTo(Verdict.NOT_SUBSCRIBED);
        assertThat(schedule.next(10, FIRST)).extracting(RecurringSchedule.Occurrence::date)
                .containsExactly(d(2, 1), d(3, 1), d(4, 1), d(5, 1), d(6, 1));
    }

    @Test
    void shouldLetASubscribersOwnEndOverrideTheSchedules_whenEarlierOrLater() {
        // given the subscription ends on 30 April; Anna runs to 30 June, Bo stops after 15 March
        RecurringSchedule schedule = fold(subscription(FrequencyEnd.on(d(4, 30))), added(ANNA, FIRST, d(6, 30)),
                added(BO, FIRST, d(3, 15)), added(CARL, FIRST, null));

        // when / then
        assertThat(schedule.customersOn(d(3, 1))).containsExactly(ANNA, BO, CARL);
        assertThat(schedule.customersOn(d(4, 1))).containsExactly(ANNA, CARL);
        assertThat(schedule.customersOn(d(6, 1))).containsExactly(ANNA);
        assertThat(schedule.check(d(5, 1), CARL)).isEqualTo(Verdict.ENDED);
        assertThat(schedule.nextDate(d(6, 2))).isEmpty();
    }

    @Test
    void shouldFallBackToTheSchedulesEnd_whenTheOwnEndIsCleared() {
        // given
        RecurringSchedule schedule = fold(subscription(FrequencyEnd.on(d(4, 30))), added(ANNA, FIRST, d(6, 30)),
                new SubscriberEndChanged(ID, TENANT, ANNA, null));

        // when / then
        assertThat(schedule.check(d(6, 1), ANNA)).isEqualTo(Verdict.ENDED);
        assertThat(schedule.subscriber(ANNA).orElseThrow().lastDate()).isEqualTo(d(4, 30));
    }

    @Test
    void shouldStopInvoicingARemovedSubscriberFromTheDayItWasRemoved_whenRemovedAndAddedAgain() {
        // given Anna removed on 10 April
        RecurringSchedule removed = fold(subscription(FrequencyEnd.never()), added(ANNA, FIRST, null),
                new SubscriberRemoved(ID, TENANT, ANNA, d(4, 10)));

        // when added again from 1 June
        RecurringSchedule again = removed.apply(added(ANNA, d(6, 1), null));

        // then
        assertThat(removed.check(d(4, 1), ANNA)).as("a missed day before the removal").isEqualTo(Verdict.DUE);
        assertThat(removed.check(d(5, 1), ANNA)).isEqualTo(Verdict.NOT_SUBSCRIBED);
        assertThat(removed.nextDate(d(4, 10))).isEmpty();
        assertThat(again.check(d(5, 1), ANNA)).isEqualTo(Verdict.NOT_SUBSCRIBED);
        assertThat(again.check(d(6, 1), ANNA)).isEqualTo(Verdict.DUE);
        assertThat(again.subscribers()).hasSize(1);
    }

    @Test
    void shouldJumpToTheFirstStart_whenTheOnlySubscriberStartsYearsLater() {
        // given a daily subscription whose one subscriber starts in 2040
        RecurringCreated daily = new RecurringCreated(ID, TENANT, RecurringKind.SUBSCRIPTION, "Daily", null,
                subscription(FrequencyEnd.never()).content(), null,
                new FrequencyDefinition(FrequencyPattern.daily(1), FIRST, FrequencyEnd.never()));
        RecurringSchedule schedule = fold(daily, added(ANNA, LocalDate.of(2040, 1, 1), null));

        // when / then
        assertThat(schedule.nextDate(FIRST)).contains(LocalDate.of(2040, 1, 1));
        assertThat(fold(daily).nextDate(FIRST)).as("no subscriber").isEmpty();
    }

    @Test
    void shouldKeepSubscribersInCustomerNumberOrderAndIgnoreIssuedOccurrences_whenFolding() {
        // given
        RecurringSchedule schedule = fold(subscription(FrequencyEnd.never()), added(CARL, FIRST, null),
                added(ANNA, FIRST, null), added(BO, FIRST, null));

        // when
        RecurringSchedule after = schedule.apply(new OccurrenceIssued(ID, TENANT, FIRST, ANNA,
                ID.occurrenceInvoice(ANNA, FIRST), "INV-1001"));

        // then
        assertThat(after).isSameAs(schedule);
        assertThat(schedule.subscribers()).extracting(RecurringSchedule.Subscriber::customerNumber)
                .containsExactly(ANNA, BO, CARL);
    }

    @Test
    void shouldReadBackEqual_whenWrittenAsJson() throws Exception {
        // given a schedule as a state store would keep it
        RecurringSchedule schedule = fold(subscription(FrequencyEnd.after(12)), added(ANNA, FIRST, d(9, 30)),
                new RecurringPaused(ID, TENANT, d(3, 3)), new RecurringResumed(ID, TENANT, d(4, 4)));

        // when
        String json = EventJson.mapper().writeValueAsString(schedule);

        // then
        assertThat(EventJson.mapper().readValue(json, RecurringSchedule.class)).isEqualTo(schedule);
    }
}
