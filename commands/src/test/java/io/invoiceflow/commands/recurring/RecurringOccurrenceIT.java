package io.invoiceflow.commands.recurring;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.customer.ChangeCustomer;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.frequency.CreateFrequency;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.invoice.DeleteInvoiceDraft;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.recurring.CreateSubscription;
import io.invoiceflow.events.recurring.IssueOccurrence;
import io.invoiceflow.events.recurring.MakeInvoiceRecurring;
import io.invoiceflow.events.recurring.OccurrenceIssued;
import io.invoiceflow.events.recurring.PauseRecurring;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.recurring.RecurringPeriod;
import io.invoiceflow.events.recurring.ResumeRecurring;
import io.invoiceflow.events.recurring.RecurringStopped;
import io.invoiceflow.events.recurring.ScheduleInput;
import io.invoiceflow.events.recurring.StopRecurring;
import io.invoiceflow.events.recurring.SubscriberInput;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.ActivateInvoicing;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static io.invoiceflow.commands.shared.NorwegianSamples.CARPENTER;
import static io.invoiceflow.commands.shared.NorwegianSamples.TECH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Making an invoice recurring (R1) and issuing occurrences (R7) on the real write side: an occurrence
 * that is due becomes a final invoice in the same transaction as its {@code OccurrenceIssued}; one that is
 * not (not a date of the schedule, paused, stopped, ended, not subscribed, invoicing deactivated) or a
 * repeat changes nothing. The clock is 15 March 2026 in Oslo.
 */
class RecurringOccurrenceIT {
    private static final LocalDate FIRST = LocalDate.of(2026, 4, 1);
    @RegisterExtension
    static final WriteSideSupport w = WriteSideSupport.perTestClass();

    /** A monthly template (from the 1st of April) of a draft for the bakery with NET_14 terms. */
    private static RecurringId template(TenantId tenant, LocalDate endDate) {
        InvoiceId invoice = w.draft(tenant, TestTenants.draft());
        RecurringId id = RecurringId.random();
        w.send(tenant, new MakeInvoiceRecurring(id, tenant, invoice, null,
                new ScheduleInput(null, RecurringPeriod.MONTH, null, FIRST, endDate)));
        return id;
    }

    private static RecurringId subscription(TenantId tenant, List<SubscriberInput> subscribers) {
        RecurringId id = RecurringId.random();
        w.send(tenant, new CreateSubscription(id, tenant, "Membership",
                List.of(NorwegianSamples.custom("Membership", "1", "500.00", "25")),
                PaymentTerms.of(PaymentTerms.Kind.NET_10), null, "Thanks", null,
                new ScheduleInput(null, RecurringPeriod.MONTH, null, FIRST, null), subscribers));
        return id;
    }

    private static DomainException refusedWithNothingStored(TenantId tenant, IssueOccurrence command) {
        int before = w.payloads(command.recurringId().value()).size();
        DomainException refused = w.refused(tenant, command);
        assertThat(w.payloads(command.aggregateId())).as("the occurrence's invoice").isEmpty();
        assertThat(w.payloads(command.recurringId().value())).hasSize(before);
        return refused;
    }

    @Test
    void shouldMakeTheInvoiceATemplate_whenAnInvoiceIsMadeRecurring() {
        // given a draft for the bakery
        TenantId tenant = w.seedTenant();
        InvoiceId invoice = w.draft(tenant, TestTenants.draft());
        RecurringId id = RecurringId.random();

        // when
        w.send(tenant, new MakeInvoiceRecurring(id, tenant, invoice, null,
                new ScheduleInput(null, RecurringPeriod.QUARTER, null, FIRST, LocalDate.of(2027, 3, 31))));

        // then: its content without dates, named after the customer
        RecurringCreated created = w.last(id.value(), RecurringCreated.class);
        InvoiceDrafted draft = (InvoiceDrafted) w.payloads(invoice.value()).get(0);
        assertThat(created.kind()).isEqualTo(RecurringKind.INVOICE_TEMPLATE);
        assertThat(created.sourceInvoiceId()).isEqualTo(invoice);
        assertThat(created.content()).isEqualTo(draft.content().withDates(null, null));
        assertThat(created.name()).isEqualTo("Bryggen Bakeri AS");
        assertThat(created.schedule()).isEqualTo(new FrequencyDefinition(FrequencyPattern.monthlyOnDay(3, 1), FIRST,
                FrequencyEnd.on(LocalDate.of(2027, 3, 31))));
    }

    @Test
    void shouldRefuseTheTemplate_whenTheInvoiceIsAnotherTenantsDeletedOrIncomplete() {
        // given
        TenantId tenant = w.seedTenant();
        TenantId other = w.seedTenant();
        InvoiceId foreign = w.draft(other, TestTenants.draft());
        InvoiceId deleted = w.draft(tenant, TestTenants.draft());
        w.send(tenant, new DeleteInvoiceDraft(deleted, tenant, null));
        w.send(tenant, new RegisterCustomer(tenant, CARPENTER, NorwegianSamples.carpenter()));
        InvoiceId noRecipient = w.draft(tenant, new InvoiceDraft(CARPENTER, null, null, null, null, null, null, null,
                List.of(NorwegianSamples.custom("Planing", "1", "100", "25"))));
        ScheduleInput monthly = new ScheduleInput(null, RecurringPeriod.MONTH, null, FIRST, null);

        // when
        DomainException foreignRefused = w.refused(tenant, new MakeInvoiceRecurring(RecurringId.random(), tenant,
                foreign, null, monthly));
        DomainException deletedRefused = w.refused(tenant, new MakeInvoiceRecurring(RecurringId.random(), tenant,
                deleted, null, monthly));
        DomainException incomplete = w.refused(tenant, new MakeInvoiceRecurring(RecurringId.random(), tenant,
                noRecipient, null, monthly));

        // then
        assertThat(foreignRefused.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(deletedRefused.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(incomplete.code()).isEqualTo(ErrorCode.INCOMPLETE_INVOICE);
        assertThat(incomplete.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactly("contacts min-items");
    }

    @Test
    void shouldIssueAFinalInvoiceDatedOnTheOccurrence_whenTheOccurrenceIsDue() {
        // given
        TenantId tenant = w.seedTenant();
        RecurringId id = template(tenant, null);
        IssueOccurrence due = new IssueOccurrence(id, tenant, FIRST, BAKERY);

        // when
        String answered = w.send(tenant, due);

        // then: drafted with origin RECURRING and finalized with the next number, in one transaction
        InvoiceId invoice = id.occurrenceInvoice(BAKERY, FIRST);
        assertThat(answered).isEqualTo(invoice.value());
        List<Object> events = w.payloads(invoice.value());
        assertThat(events).hasSize(2);
        InvoiceDrafted drafted = (InvoiceDrafted) events.get(0);
        InvoiceFinalized finalized = (InvoiceFinalized) events.get(1);
        assertThat(drafted.origin()).isEqualTo(new InvoiceOrigin(InvoiceOrigin.Kind.RECURRING, id.value()));
        assertThat(drafted.content().invoiceDate()).isEqualTo(FIRST);
        assertThat(drafted.content().customer()).isEqualTo(NorwegianSamples.bakerySnapshot());
        assertThat(finalized.invoiceDate()).isEqualTo(FIRST);
        assertThat(finalized.dueDate()).isEqualTo(FIRST.plusDays(14));
        assertThat(finalized.number()).isEqualTo("INV-1001");
        assertThat(w.last(id.value(), OccurrenceIssued.class))
                .isEqualTo(new OccurrenceIssued(id, tenant, FIRST, BAKERY, invoice, "INV-1001"));
    }

    @Test
    void shouldRefuseARepeatAsAlreadyExistingAndKeepTheNumbersGapFree_whenTheSameOccurrenceComesTwice() {
        // given an issued occurrence
        TenantId tenant = w.seedTenant();
        RecurringId id = template(tenant, null);
        w.send(tenant, new IssueOccurrence(id, tenant, FIRST, BAKERY));

        // when
        DomainException repeat = repeatRefused(tenant, new IssueOccurrence(id, tenant, FIRST, BAKERY));
        w.send(tenant, new IssueOccurrence(id, tenant, FIRST.plusMonths(1), BAKERY));

        // then
        assertThat(repeat.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(w.payloads(id.occurrenceInvoice(BAKERY, FIRST).value())).hasSize(2);
        assertThat(w.last(id.occurrenceInvoice(BAKERY, FIRST.plusMonths(1)).value(), InvoiceFinalized.class).number())
                .isEqualTo("INV-1002");
        assertThat(w.payloads(id.value()).stream().filter(OccurrenceIssued.class::isInstance)).hasSize(2);
    }

    /** A repeat: its invoice exists already, so only the schedule must be unchanged. */
    private static DomainException repeatRefused(TenantId tenant, IssueOccurrence command) {
        int schedule = w.payloads(command.recurringId().value()).size();
        int invoice = w.payloads(command.aggregateId()).size();
        DomainException refused = w.refused(tenant, command);
        assertThat(w.payloads(command.recurringId().value())).hasSize(schedule);
        assertThat(w.payloads(command.aggregateId())).hasSize(invoice);
        return refused;
    }

    @Test
    void shouldRefuseAndStoreNothing_whenTheDateIsNotAnOccurrence() {
        // given
        TenantId tenant = w.seedTenant();
        RecurringId id = template(tenant, null);

        // when
        DomainException refused = refusedWithNothingStored(tenant, new IssueOccurrence(id, tenant, FIRST.plusDays(1), BAKERY));
        DomainException before = refusedWithNothingStored(tenant, new IssueOccurrence(id, tenant, FIRST.minusMonths(1), BAKERY));

        // then
        assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(refused.violations()).extracting(v -> v.field() + " " + v.rule())
                .containsExactly("occurrenceDate not-an-occurrence");
        assertThat(before.violations()).extracting(v -> v.rule()).containsExactly("not-an-occurrence");
    }

    @Test
    void shouldSkipTheOccurrencesOfAPause_whenPausedAndResumed() {
        // given paused and resumed today (15 March): nothing skipped; paused again: 1 April is inside
        TenantId tenant = w.seedTenant();
        RecurringId id = template(tenant, null);
        w.send(tenant, new PauseRecurring(id, tenant, null));
        w.send(tenant, new ResumeRecurring(id, tenant, null));
        w.send(tenant, new PauseRecurring(id, tenant, null));

        // when
        DomainException paused = refusedWithNothingStored(tenant, new IssueOccurrence(id, tenant, FIRST, BAKERY));

        // then
        assertThat(paused.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactly("occurrenceDate paused");
    }

    @Test
    void shouldIssueNothingOnOrAfterTheStop_whenStopped() {
        // given
        TenantId tenant = w.seedTenant();
        RecurringId id = template(tenant, null);
        w.send(tenant, new StopRecurring(id, tenant, null));

        // when
        DomainException stopped = refusedWithNothingStored(tenant, new IssueOccurrence(id, tenant, FIRST, BAKERY));

        // then
        assertThat(stopped.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactly("occurrenceDate stopped");
    }

    @Test
    void shouldIssueNothingAfterTheEndDate_whenTheScheduleHasEnded() {
        // given a template ending on 30 April
        TenantId tenant = w.seedTenant();
        RecurringId id = template(tenant, LocalDate.of(2026, 4, 30));
        w.send(tenant, new IssueOccurrence(id, tenant, FIRST, BAKERY));

        // when
        DomainException ended = refusedWithNothingStored(tenant, new IssueOccurrence(id, tenant, LocalDate.of(2026, 5, 1),
                BAKERY));

        // then
        assertThat(ended.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactly("occurrenceDate ended");
    }

    @Test
    void shouldInvoiceEachSubscriberWithItsCurrentDetailsUntilItsOwnEnd_whenASubscriptionRuns() {
        // given the bakery until 15 April, Tromsø Tech open-ended; the bakery then moves
        TenantId tenant = w.seedTenant();
        RecurringId id = subscription(tenant, List.of(new SubscriberInput(BAKERY, null, LocalDate.of(2026, 4, 15)),
                new SubscriberInput(TECH, null, null)));
        Address moved = new Address("Sandbrugaten 7", "5004", "Bergen", "NO");
        CustomerDetails bakery = NorwegianSamples.bakery();
        w.send(tenant, new ChangeCustomer(tenant, BAKERY, new CustomerDetails(bakery.name(), bakery.organisationNumber(),
                bakery.invoiceLanguage(), bakery.email(), moved, List.of(new Contact("Per", "per@bryggen.example", null))),
                null));

        // when
        w.send(tenant, new IssueOccurrence(id, tenant, FIRST, BAKERY));
        w.send(tenant, new IssueOccurrence(id, tenant, FIRST, TECH));
        DomainException ended = refusedWithNothingStored(tenant, new IssueOccurrence(id, tenant, LocalDate.of(2026, 5, 1),
                BAKERY));
        w.send(tenant, new IssueOccurrence(id, tenant, LocalDate.of(2026, 5, 1), TECH));

        // then
        InvoiceDrafted toBakery = (InvoiceDrafted) w.payloads(id.occurrenceInvoice(BAKERY, FIRST).value()).get(0);
        assertThat(toBakery.content().customer().billingAddress()).isEqualTo(moved);
        assertThat(toBakery.content().contacts()).extracting(Contact::email).containsExactly("per@bryggen.example");
        assertThat(toBakery.content().lines()).extracting(l -> l.description()).containsExactly("Membership");
        assertThat(toBakery.content().dueDate()).isEqualTo(FIRST.plusDays(10));
        InvoiceDrafted toTech = (InvoiceDrafted) w.payloads(id.occurrenceInvoice(TECH, FIRST).value()).get(0);
        assertThat(toTech.content().customer().name()).isEqualTo("Tromsø Tech AS");
        assertThat(toTech.content().contacts()).containsExactly(new Contact("Tromsø Tech AS", "ap@tromso-tech.example", null));
        assertThat(toTech.content().language()).isEqualTo("en");
        assertThat(toTech.content().locale()).isEqualTo("en-NO");
        assertThat(ended.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactly("occurrenceDate ended");
        assertThat(w.payloads(id.occurrenceInvoice(TECH, LocalDate.of(2026, 5, 1)).value())).hasSize(2);
    }

    @Test
    void shouldRefuseACustomerThatDoesNotSubscribe_whenTheOccurrenceNamesIt() {
        // given
        TenantId tenant = w.seedTenant();
        RecurringId id = subscription(tenant, List.of(new SubscriberInput(BAKERY, null, null)));

        // when
        DomainException refused = refusedWithNothingStored(tenant, new IssueOccurrence(id, tenant, FIRST, TECH));
        DomainException template = refusedWithNothingStored(tenant, new IssueOccurrence(template(tenant, null), tenant,
                FIRST, new CustomerNumber("20002")));

        // then
        assertThat(refused.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactly("customerNumber not-subscribed");
        assertThat(template.violations()).extracting(v -> v.rule()).containsExactly("not-subscribed");
    }

    @Test
    void shouldRefuseAndStoreNothing_whenInvoicingIsDeactivatedOrTheTenantIsAnother() {
        // given
        TenantId tenant = w.seedTenant();
        RecurringId id = template(tenant, null);
        TenantId other = w.seedTenant();

        // when
        DomainException foreign = refusedWithNothingStored(other, new IssueOccurrence(id, other, FIRST, BAKERY));
        w.send(tenant, new DeactivateInvoicing(tenant, "closing the year"));
        DomainException deactivated = refusedWithNothingStored(tenant, new IssueOccurrence(id, tenant, FIRST, BAKERY));
        w.send(tenant, new ActivateInvoicing(tenant));
        w.send(tenant, new IssueOccurrence(id, tenant, FIRST, BAKERY));

        // then: S1 refuses, and the occurrence can be issued once invoicing is active again
        assertThat(foreign.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(deactivated.code()).isEqualTo(ErrorCode.INVOICING_DEACTIVATED);
        assertThat(w.last(id.occurrenceInvoice(BAKERY, FIRST).value(), InvoiceFinalized.class).number()).isEqualTo("INV-1001");
    }

    @Test
    void shouldIssueEveryOccurrenceOnceWithGapFreeNumbers_whenOneSubscriptionsOccurrencesArriveConcurrentlyAndTwice()
            throws Exception {
        // given a subscription of 40 customers
        TenantId tenant = w.seedTenant();
        List<SubscriberInput> subscribers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CustomerNumber customer = new CustomerNumber("S-" + i);
            w.send(tenant, new RegisterCustomer(tenant, customer, NorwegianSamples.bakery()));
            subscribers.add(new SubscriberInput(customer, null, null));
        }
        RecurringId id = subscription(tenant, subscribers);
        List<IssueOccurrence> twice = new ArrayList<>();
        for (SubscriberInput s : subscribers) {
            twice.add(new IssueOccurrence(id, tenant, FIRST, s.customerNumber()));
            twice.add(new IssueOccurrence(id, tenant, FIRST, s.customerNumber()));
        }
        Collections.shuffle(twice, new Random(6));

        // when 4 threads issue them, as the command consumer's workers do
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (IssueOccurrence command : twice) {
                done.add(pool.submit(() -> {
                    String outcome;
                    try {
                        w.send(tenant, command);
                        outcome = "issued";
                    } catch (DomainException e) {
                        outcome = e.code().name();
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        // then each occurrence was issued once, the repeats refused, the numbers a gap-free run
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("issued", 40, "ALREADY_EXISTS", 40));
        List<String> numbers = w.payloads(id.value()).stream().filter(OccurrenceIssued.class::isInstance)
                .map(e -> ((OccurrenceIssued) e).invoiceNumber()).sorted().toList();
        assertThat(numbers).hasSize(40).doesNotHaveDuplicates().first().isEqualTo("INV-1001");
        assertThat(numbers).last().isEqualTo("INV-1040");
    }

    @Test
    void shouldCountSchedulesInUseUntilTheyStop_whenMadeFromACatalogueFrequency() {
        // given a catalogue frequency
        TenantId tenant = w.seedTenant();
        FrequencyId frequency = FrequencyId.random();
        w.send(tenant, new CreateFrequency(frequency, tenant, null, new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 1),
                LocalDate.of(2026, 1, 1), null)));
        ScheduleInput fromCatalogue = new ScheduleInput(frequency, null, null, FIRST, null);
        InvoiceId invoice = w.draft(tenant, TestTenants.draft());

        // when a template and a subscription use it, and the template stops
        RecurringId template = RecurringId.random();
        w.send(tenant, new MakeInvoiceRecurring(template, tenant, invoice, "Rent", fromCatalogue));
        w.send(tenant, new CreateSubscription(RecurringId.random(), tenant, "Membership",
                List.of(NorwegianSamples.custom("Membership", "1", "500.00", "25")), null, null, null, null,
                fromCatalogue, List.of()));
        int both = w.writeSide().directory().frequency(tenant, frequency).orElseThrow().inUse();
        w.send(tenant, new StopRecurring(template, tenant, null));

        // then
        assertThat(both).isEqualTo(2);
        assertThat(w.writeSide().directory().frequency(tenant, frequency).orElseThrow().inUse()).isEqualTo(1);
        assertThat(w.last(template.value(), RecurringStopped.class).from())
                .isEqualTo(LocalDate.of(2026, 3, 15));
    }
}
