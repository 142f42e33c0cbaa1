package io.invoiceflow.projections.recurring;

import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.recurrence.FrequencyNames;
import io.invoiceflow.recurrence.NameLanguage;
import io.invoiceflow.recurrence.RecurringSchedule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recurring invoice template or subscription as the API shows it (R5): what it invoices, its schedule
 * (named in the tenant's language), pauses, stop and customers, the next occurrences from today with the
 * customers each invoices, and the invoices it produced, newest first, with their distribution status.
 * {@code invoices} is null in a command's response (the read side lists them).
 */
public record RecurringDetails(String recurringId, String tenantId, RecurringKind kind, String name, String status,
                               String sourceInvoiceId, InvoiceContent content, String frequencyId,
                               FrequencyDefinition schedule, String scheduleName, String endSummary,
                               List<RecurringSchedule.Pause> pauses, LocalDate stoppedFrom,
                               List<RecurringSchedule.Subscriber> subscribers, List<NextOccurrence> nextOccurrences,
                               long issuedCount, LocalDate lastOccurrenceDate, List<ProducedInvoice> invoices,
                               Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    /** An occurrence to come and the customers it will invoice. */
    public record NextOccurrence(LocalDate date, List<String> customerNumbers) {
    }

    /**
     * An invoice the schedule produced: {@code status} the invoice's (FINALIZED, PAID, VOID, CREDITED; null
     * until the read side has it), {@code distributionStatus} its last distribution's (REQUESTED, SENDING,
     * RETRYING, SENT, FAILED, BOUNCED), PENDING before one is requested.
     */
    public record ProducedInvoice(LocalDate occurrenceDate, String customerNumber, String invoiceId, String number,
                                  String status, BigDecimal grossAmount, String currency, String distributionStatus) {
    }

    /**
     * The details of {@code view} with its customers' entries, on {@code today} (the tenant's): the next
     * {@code next} occurrences leave out the customers whose invoice of that date was already issued
     * ({@code issued}: from today on, by date).
     */
    public static RecurringDetails of(RecurringView view, List<RecurringSchedule.Subscriber> subscribers,
                                      LocalDate today, Map<LocalDate, Set<CustomerNumber>> issued,
                                      NameLanguage language, int next, List<ProducedInvoice> invoices) {
        return new RecurringDetails(view.recurringId(), view.tenantId(), view.kind(), view.name(), view.status(),
                view.sourceInvoiceId(), view.content(), view.frequencyId(), view.schedule(),
                FrequencyNames.name(view.schedule().pattern(), language),
                FrequencyNames.end(view.schedule().end(), language), view.pauses(), view.stoppedFrom(),
                List.copyOf(subscribers), coming(view, subscribers, today, issued, next), view.issuedCount(),
                view.lastOccurrenceDate(), invoices == null ? null : List.copyOf(invoices), view.createdAt(),
                view.createdBy(), view.updatedAt(), view.updatedBy());
    }

    /**
     * The next {@code next} occurrences from {@code today} with the customers not yet invoiced for them
     * (normally only today's can have been: the scheduler issues a date on that day).
     */
    public static List<NextOccurrence> coming(RecurringView view, List<RecurringSchedule.Subscriber> subscribers,
                                              LocalDate today, Map<LocalDate, Set<CustomerNumber>> issued, int next) {
        List<NextOccurrence> coming = new ArrayList<>();
        RecurringSchedule rules = view.rules(subscribers);
        for (LocalDate day = today; coming.size() < next; ) {
            Optional<LocalDate> date = rules.nextDate(day);
            if (date.isEmpty()) {
                break;
            }
            Set<CustomerNumber> done = issued.getOrDefault(date.get(), Set.of());
            List<String> customers = rules.customersOn(date.get()).stream().filter(c -> !done.contains(c))
                    .map(CustomerNumber::value).toList();
            if (!customers.isEmpty()) {
                coming.add(new NextOccurrence(date.get(), customers));
            }
            day = date.get().plusDays(1);
        }
        return List.copyOf(coming);
    }
}
