package io.invoiceflow.commands.recurring;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.shared.Drafting;
import io.invoiceflow.commands.shared.Guards;
import io.invoiceflow.commands.shared.Languages;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.recurring.AddSubscriber;
import io.invoiceflow.events.recurring.ChangeSubscriberEnd;
import io.invoiceflow.events.recurring.CreateSubscription;
import io.invoiceflow.events.recurring.IssueOccurrence;
import io.invoiceflow.events.recurring.MakeInvoiceRecurring;
import io.invoiceflow.events.recurring.OccurrenceIssued;
import io.invoiceflow.events.recurring.PauseRecurring;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.recurring.RecurringPaused;
import io.invoiceflow.events.recurring.RecurringResumed;
import io.invoiceflow.events.recurring.RecurringStopped;
import io.invoiceflow.events.recurring.RemoveSubscriber;
import io.invoiceflow.events.recurring.ResumeRecurring;
import io.invoiceflow.events.recurring.StopRecurring;
import io.invoiceflow.events.recurring.SubscriberAdded;
import io.invoiceflow.events.recurring.SubscriberEndChanged;
import io.invoiceflow.events.recurring.SubscriberInput;
import io.invoiceflow.events.recurring.SubscriberRemoved;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.recurrence.PatternRules;
import io.invoiceflow.recurrence.RecurringSchedule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A recurring invoice template (R1) or a subscription (Q6): what each occurrence invoices, its schedule,
 * its pauses, its subscribers, and the occurrences it issued. Which customers a date invoices is decided
 * by {@link RecurringSchedule}, the rules the read side and the scheduler share. Every command is an
 * invoicing command: refused while the tenant has invoicing deactivated (S1). Dates are the tenant's.
 */
public class Recurring {
    /** The most subscribers (removed ones included) one subscription keeps: a larger base is several subscriptions. */
    public static final int MAX_SUBSCRIBERS = 10_000;
    public static final int MAX_NAME = 200;

    @AggregateIdentifier
    private String id;
    private TenantId tenantId;
    private RecurringKind kind;
    private InvoiceContent content;
    private FrequencyId frequencyId;
    private RecurringSchedule schedule;

    protected Recurring() {
        // for Axon
    }

    @CommandHandler
    public Recurring(CreateSubscription command, Directory directory, Clock clock) {
        TenantRecord tenant = directory.requireTenant(command.tenantId());
        tenant.ensureInvoicingActive();
        LocalDate today = tenant.today(clock);
        Violations v = new Violations();
        String name = stripped(command.name());
        v.text("name", name, MAX_NAME);
        Schedules.Resolved resolved = Schedules.resolve(command.schedule(), tenant, directory, today, v);
        PaymentTerms terms = command.paymentTerms() != null ? command.paymentTerms()
                : PaymentTerms.of(PaymentTerms.Kind.DUE_ON_RECEIPT);
        Drafting.checkPaymentTerms(v, terms);
        v.optionalText("poNumber", command.poNumber(), 100);
        v.optionalText("comments", command.comments(), 4000);
        Languages.check(v, "language", command.language(), false);
        if (command.lines() == null || command.lines().isEmpty()) {
            v.add("lines", "min-items", "a subscription needs at least one line");
        }
        Drafting.PricedLines priced = Drafting.price(tenant, directory, command.lines(), v);
        LocalDate first = command.schedule() == null ? null : command.schedule().firstDate();
        List<SubscriberAdded> subscribers = subscribers(command, tenant, directory, first, today, v);
        v.throwIfAny();
        String locale = command.language() == null ? null : Drafting.defaultLocale(command.language(), tenant);
        apply(new RecurringCreated(command.recurringId(), command.tenantId(), RecurringKind.SUBSCRIPTION, name, null,
                new InvoiceContent(null, List.of(), null, terms, null, command.poNumber(), command.comments(),
                        command.language(), locale, tenant.profile().currency(), priced.lines(), priced.totals()),
                resolved.frequencyId(), resolved.definition()));
        subscribers.forEach(added -> apply(added));
        countUsage(directory, command.tenantId(), resolved.frequencyId(), 1);
    }

    /**
     * R1: invoice {@code command.invoiceId()}'s content without dates ({@code template}, read by the
     * caller in the same unit of work) becomes a template that invoices its customer.
     */
    Recurring(MakeInvoiceRecurring command, InvoiceContent template, Directory directory, Clock clock) {
        TenantRecord tenant = directory.requireTenant(command.tenantId());
        tenant.ensureInvoicingActive();
        Violations v = new Violations();
        String name = command.name() != null ? stripped(command.name()) : template.customer().name();
        v.text("name", name, MAX_NAME);
        Schedules.Resolved resolved = Schedules.resolve(command.schedule(), tenant, directory, tenant.today(clock), v);
        v.throwIfAny();
        ensureComplete(template, "a recurring invoice");
        apply(new RecurringCreated(command.recurringId(), command.tenantId(), RecurringKind.INVOICE_TEMPLATE, name,
                command.invoiceId(), template, resolved.frequencyId(), resolved.definition()));
        countUsage(directory, command.tenantId(), resolved.frequencyId(), 1);
    }

    @CommandHandler
    void handle(PauseRecurring command, Directory directory, Clock clock) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        if (schedule.status() != RecurringSchedule.Status.ACTIVE) {
            throw DomainException.illegalState("a " + schedule.status() + " schedule cannot be paused; only an active one can");
        }
        apply(new RecurringPaused(command.recurringId(), tenantId, tenant.today(clock)));
    }

    @CommandHandler
    void handle(ResumeRecurring command, Directory directory, Clock clock) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        if (schedule.status() != RecurringSchedule.Status.PAUSED) {
            throw DomainException.illegalState("a " + schedule.status() + " schedule cannot be resumed; only a paused one can");
        }
        apply(new RecurringResumed(command.recurringId(), tenantId, tenant.today(clock)));
    }

    @CommandHandler
    void handle(StopRecurring command, Directory directory, Clock clock) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        ensureNotStopped();
        apply(new RecurringStopped(command.recurringId(), tenantId, tenant.today(clock)));
        countUsage(directory, tenantId, frequencyId, -1);
    }

    @CommandHandler
    void handle(AddSubscriber command, Directory directory, Clock clock) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        ensureSubscription("gets subscribers");
        ensureNotStopped();
        Violations v = new Violations();
        SubscriberAdded added = subscriber(command.recurringId(), "", command.subscriber(), tenant, directory,
                schedule.definition().anchor(), tenant.today(clock), v);
        v.throwIfAny();
        Optional<RecurringSchedule.Subscriber> entry = schedule.subscriber(added.customerNumber());
        if (entry.isPresent() && entry.get().removedFrom() == null) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "customer " + added.customerNumber()
                    + " already subscribes; change its end date instead", List.of(new FieldViolation(
                    "customerNumber", "unique", "customer " + added.customerNumber() + " already subscribes")));
        }
        if (entry.isEmpty() && schedule.subscribers().size() >= MAX_SUBSCRIBERS) {
            throw DomainException.illegalState("a subscription keeps at most " + MAX_SUBSCRIBERS
                    + " subscribers, removed ones included; start another subscription");
        }
        apply(added);
    }

    @CommandHandler
    void handle(ChangeSubscriberEnd command, Directory directory, Clock clock) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        ensureSubscription("has subscribers");
        ensureNotStopped();
        RecurringSchedule.Subscriber subscriber = currentSubscriber(command.customerNumber());
        LocalDate end = command.endDate();
        Violations v = new Violations();
        if (end != null) {
            LocalDate today = tenant.today(clock);
            if (end.isBefore(today)) {
                v.add("endDate", "not-before-today", "endDate must not be before today (" + today
                        + " in the tenant's time zone)");
            } else if (end.isBefore(subscriber.startDate())) {
                v.add("endDate", "not-before-start", "endDate must not be before the subscriber's start date "
                        + subscriber.startDate());
            } else if (end.isAfter(PatternRules.MAX_DATE)) {
                v.add("endDate", "range", "endDate must be at most " + PatternRules.MAX_DATE);
            }
        }
        v.throwIfAny();
        if (!Objects.equals(end, subscriber.endDate())) {
            apply(new SubscriberEndChanged(command.recurringId(), tenantId, command.customerNumber(), end));
        }
    }

    @CommandHandler
    void handle(RemoveSubscriber command, Directory directory, Clock clock) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        ensureSubscription("has subscribers");
        ensureNotStopped();
        currentSubscriber(command.customerNumber());
        apply(new SubscriberRemoved(command.recurringId(), tenantId, command.customerNumber(), tenant.today(clock)));
    }

    /**
     * Checks that the occurrence is due and records it as issued to {@code invoiceId} with {@code number}
     * (taken by the caller in this unit of work); returns the invoice's content, dated on the occurrence,
     * which {@link RecurringCommandHandlers} creates in the same unit of work. A template's invoice is its
     * content; a subscriber's has the subscription's lines and the customer's current details.
     */
    InvoiceContent issue(IssueOccurrence command, InvoiceId invoiceId, Directory.AssignedNumber number,
                         Directory directory) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        LocalDate date = command.occurrenceDate();
        RecurringSchedule.Verdict verdict = schedule.check(date, command.customerNumber());
        if (verdict != RecurringSchedule.Verdict.DUE) {
            throw refusal(verdict, date, command.customerNumber());
        }
        InvoiceContent base = kind == RecurringKind.INVOICE_TEMPLATE ? content
                : forCustomer(command.customerNumber(), tenant, directory);
        ensureComplete(base, "the invoice of customer " + command.customerNumber());
        apply(new OccurrenceIssued(command.recurringId(), tenantId, date, command.customerNumber(), invoiceId,
                number.number()));
        return base.withDates(date, date.plusDays(base.paymentTerms().days()));
    }

    private InvoiceContent forCustomer(CustomerNumber customer, TenantRecord tenant, Directory directory) {
        CustomerDetails details = directory.customer(tenantId, customer).map(Directory.Versioned::value)
                .orElseThrow(() -> DomainException.unknownReference("customerNumber",
                        "customer " + customer + " does not exist in this tenant"));
        String language = Drafting.language(content.language(), details, tenant);
        String locale = content.locale() != null ? content.locale() : Drafting.defaultLocale(language, tenant);
        return new InvoiceContent(Drafting.snapshot(customer, details), Drafting.defaultContacts(details), null,
                content.paymentTerms(), null, content.poNumber(), content.comments(), language, locale,
                content.currency(), content.lines(), content.totals());
    }

    private static DomainException refusal(RecurringSchedule.Verdict verdict, LocalDate date, CustomerNumber customer) {
        FieldViolation why = switch (verdict) {
            case NOT_AN_OCCURRENCE -> new FieldViolation("occurrenceDate", "not-an-occurrence",
                    date + " is not a date of the schedule");
            case STOPPED -> new FieldViolation("occurrenceDate", "stopped", "the schedule was stopped before " + date);
            case PAUSED -> new FieldViolation("occurrenceDate", "paused", date + " falls inside a pause: it is skipped");
            case ENDED -> new FieldViolation("occurrenceDate", "ended", date + " is after the end for customer " + customer);
            default -> new FieldViolation("customerNumber", "not-subscribed",
                    "customer " + customer + " does not subscribe on " + date);
        };
        return new DomainException(ErrorCode.ILLEGAL_STATE, why.message(), List.of(why));
    }

    // ---- subscribers

    private List<SubscriberAdded> subscribers(CreateSubscription command, TenantRecord tenant, Directory directory,
                                              LocalDate first, LocalDate today, Violations v) {
        List<SubscriberInput> inputs = command.subscribers() == null ? List.of() : command.subscribers();
        if (inputs.size() > MAX_SUBSCRIBERS) {
            v.add("subscribers", "max-items", "at most " + MAX_SUBSCRIBERS + " subscribers");
            return List.of();
        }
        List<SubscriberAdded> added = new ArrayList<>();
        Set<CustomerNumber> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String path = "subscribers[" + i + "]";
            SubscriberAdded one = subscriber(command.recurringId(), path + ".", inputs.get(i), tenant, directory, first,
                    today, v);
            if (one != null && !seen.add(one.customerNumber())) {
                v.add(path + ".customerNumber", "unique", "customer " + one.customerNumber() + " is listed twice");
            } else if (one != null) {
                added.add(one);
            }
        }
        return added;
    }

    /** A subscriber as written at {@code prefix} ("" or "subscribers[i]."); null when {@code v} got a violation. */
    private static SubscriberAdded subscriber(RecurringId recurringId, String prefix, SubscriberInput in,
                                              TenantRecord tenant, Directory directory, LocalDate first, LocalDate today,
                                              Violations v) {
        if (in == null) {
            v.add(prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1), "required", "a subscriber is required");
            return null;
        }
        int before = v.size();
        String customerField = prefix + "customerNumber";
        if (v.required(customerField, in.customerNumber())) {
            CustomerDetails details = directory.customer(tenant.tenantId(), in.customerNumber())
                    .map(Directory.Versioned::value)
                    .orElseThrow(() -> DomainException.unknownReference(customerField,
                            "customer " + in.customerNumber() + " does not exist in this tenant"));
            if (Drafting.defaultContacts(details).isEmpty()) {
                v.add(customerField, "has-contact", "customer " + in.customerNumber()
                        + " has neither contacts nor an email: its invoices would have no recipient");
            }
        }
        LocalDate tomorrow = today.plusDays(1);
        LocalDate start = in.startDate();
        if (start == null) {
            start = first != null && first.isAfter(tomorrow) ? first : tomorrow;
        } else if (start.isBefore(tomorrow)) {
            v.add(prefix + "startDate", "not-before-tomorrow", prefix + "startDate must be tomorrow (" + tomorrow
                    + " in the tenant's time zone) or later: recurring invoices are produced once a day");
        } else if (first != null && start.isBefore(first)) {
            v.add(prefix + "startDate", "not-before-first-date", prefix + "startDate must not be before the first date " + first);
        } else if (start.isAfter(PatternRules.MAX_DATE)) {
            v.add(prefix + "startDate", "range", prefix + "startDate must be at most " + PatternRules.MAX_DATE);
        }
        LocalDate end = in.endDate();
        if (end != null && end.isBefore(start)) {
            v.add(prefix + "endDate", "not-before-start", prefix + "endDate must not be before the start date " + start);
        } else if (end != null && end.isAfter(PatternRules.MAX_DATE)) {
            v.add(prefix + "endDate", "range", prefix + "endDate must be at most " + PatternRules.MAX_DATE);
        }
        return v.size() > before ? null
                : new SubscriberAdded(recurringId, tenant.tenantId(), in.customerNumber(), end, start);
    }

    private RecurringSchedule.Subscriber currentSubscriber(CustomerNumber customer) {
        return schedule.subscriber(customer).filter(s -> s.removedFrom() == null)
                .orElseThrow(() -> DomainException.notFound("subscriber " + customer));
    }

    // ---- guards

    private TenantRecord ensureActiveTenant(TenantId asked, Directory directory) {
        Guards.ensureSameTenant(tenantId, asked, "recurring invoice " + id);
        TenantRecord tenant = directory.requireTenant(tenantId);
        tenant.ensureInvoicingActive();
        return tenant;
    }

    private void ensureNotStopped() {
        if (schedule.status() == RecurringSchedule.Status.STOPPED) {
            throw DomainException.illegalState("the schedule was stopped on " + schedule.stoppedFrom()
                    + " and cannot change");
        }
    }

    private void ensureSubscription(String what) {
        if (kind != RecurringKind.SUBSCRIPTION) {
            throw DomainException.illegalState("only a subscription " + what
                    + "; a recurring invoice invoices its own customer");
        }
    }

    private static void ensureComplete(InvoiceContent invoice, String what) {
        Violations v = new Violations();
        if (invoice.lines().isEmpty()) {
            v.add("lines", "min-items", what + " needs at least one line");
        }
        if (invoice.contacts().isEmpty()) {
            v.add("contacts", "min-items", what + " needs at least one contact (its recipient)");
        }
        v.throwIfAny(ErrorCode.INCOMPLETE_INVOICE);
    }

    /** The catalogue's "in use" (Q4): the schedules made from a frequency, until they stop. */
    private static void countUsage(Directory directory, TenantId tenant, FrequencyId frequency, int delta) {
        if (frequency != null) {
            directory.adjustFrequencyUsage(tenant, frequency, delta);
        }
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    // ---- state

    @EventSourcingHandler
    void on(RecurringCreated event) {
        id = event.recurringId().value();
        tenantId = event.tenantId();
        kind = event.kind();
        content = event.content();
        frequencyId = event.frequencyId();
        schedule = RecurringSchedule.of(event);
    }

    @EventSourcingHandler
    void on(SubscriberAdded event) {
        schedule = schedule.apply(event);
    }

    @EventSourcingHandler
    void on(SubscriberEndChanged event) {
        schedule = schedule.apply(event);
    }

    @EventSourcingHandler
    void on(SubscriberRemoved event) {
        schedule = schedule.apply(event);
    }

    @EventSourcingHandler
    void on(RecurringPaused event) {
        schedule = schedule.apply(event);
    }

    @EventSourcingHandler
    void on(RecurringResumed event) {
        schedule = schedule.apply(event);
    }

    @EventSourcingHandler
    void on(RecurringStopped event) {
        schedule = schedule.apply(event);
    }

    @EventSourcingHandler
    void on(OccurrenceIssued event) {
        // an issued occurrence changes no rule: its invoice id is taken, which is what refuses a repeat
    }
}
